package dev.kdnet.it.load;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Debian's {@code chromium} in headless mode: loads one local file, and hands back the DOM it built, a screenshot
 * of what it drew, and the page's console messages (Chromium logs them to stderr as {@code INFO:CONSOLE} lines
 * with {@code --enable-logging=stderr}: script errors, and SVG or CSS it could not use). Without chromium the
 * calling test is skipped with a printed reason, unless running as root: CI runs as root and {@code .ci/run}
 * installs chromium, so there a missing browser fails the test rather than hiding it.
 */
final class HeadlessChromium {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** How long one page load may take before the test fails, seconds: a cold start on a loaded 2-core machine. */
    private static final long EXIT_SECONDS = 120;
    /** Chromium's log line for a message on a page's console. */
    private static final Pattern CONSOLE_LINE = Pattern.compile(":CONSOLE[:(]");

    /** What Chromium made of one page. */
    record Rendering(String dom, Path screenshot, List<String> consoleMessages) {
    }

    private HeadlessChromium() {
    }

    /** Skips the calling test, saying why, when chromium is not here and this is not CI (root). */
    static void require() {
        boolean installed = Files.isExecutable(CHROMIUM);
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!installed && !root) {
            System.out.println("SKIPPED: the browser check needs chromium (" + CHROMIUM + " not found); .ci/run"
                    + " installs it with apt-get install chromium, and CI runs as root");
        }
        assumeTrue(installed || root, "needs chromium to render the report");
        if (!installed) {
            fail(CHROMIUM + " is missing although this runs as root, as CI does: .ci/run should have installed it"
                    + " (apt-get install chromium)");
        }
    }

    /**
     * Loads a file in a fresh browser profile and waits for the browser to exit.
     *
     * @param page      the HTML file
     * @param workspace a directory of the caller's for the profile, the screenshot and the logs
     * @param width     the window's width, CSS pixels
     * @param height    the window's height, CSS pixels: the screenshot shows only that much of the page
     */
    static Rendering render(Path page, Path workspace, int width, int height)
            throws IOException, InterruptedException {
        Path screenshot = workspace.resolve("screenshot.png");
        Path dom = workspace.resolve("dom.html");
        Path log = workspace.resolve("chromium.log");
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--disable-gpu", "--no-sandbox",
                "--no-first-run", "--user-data-dir=" + workspace.resolve("profile"), "--enable-logging=stderr",
                "--v=0", "--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + screenshot, "--dump-dom", page.toUri().toString())
                .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        if (!chromium.waitFor(EXIT_SECONDS, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            fail("chromium did not exit within " + EXIT_SECONDS + " s; its log: " + log);
        }
        if (chromium.exitValue() != 0) {
            fail("chromium exited with " + chromium.exitValue() + ":\n" + Files.readString(log));
        }
        List<String> console = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> CONSOLE_LINE.matcher(line).find()).toList();
        return new Rendering(Files.readString(dom, StandardCharsets.UTF_8), screenshot, console);
    }
}
