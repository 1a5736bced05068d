/**
 * Load testing of the KDNET transport ({@code ./kdnet load}, {@code ./kdnet host load}): workloads driven through the
 * asynchronous debugger API against one or many targets, their figures, and the reports made of them.
 */
package dev.kdnet.host.load;
