package dev.kdnet.host.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kernel build numbers and the products they belong to (public release builds). */
class WindowsProductTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "2600  | Windows XP",
        "7601  | Windows 7 / Server 2008 R2",
        "9200  | Windows 8 / Server 2012",
        "9600  | Windows 8.1 / Server 2012 R2",
        "10240 | Windows 10",
        "10586 | Windows 10",
        "14393 | Windows 10 / Server 2016",
        "17763 | Windows 10 / Server 2019",
        "19041 | Windows 10",
        "19045 | Windows 10",
        "20348 | Windows Server 2022",
        "22000 | Windows 11",
        "22631 | Windows 11",
        "26100 | Windows 11 / Server 2025",
        "1381  | Windows NT build 1381"})
    void namesTheProductOfABuild(int build, String product) {
        assertThat(WindowsProduct.of(build)).isEqualTo(product);
    }
}
