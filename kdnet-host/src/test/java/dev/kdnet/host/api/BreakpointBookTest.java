package dev.kdnet.host.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BreakpointBookTest {
    private final BreakpointBook book = new BreakpointBook();

    @Test
    void aStopDisarmsTheBreakpointsInThe16BytesFromThePc() {
        book.armed(0x1000, 1);
        book.armed(0x100F, 2);
        book.armed(0x1010, 3);
        book.armed(0x0FFF, 4);
        assertThat(book.stoppedAt(0x1000)).extracting(Breakpoint::handle).containsExactly(1, 2);
        assertThat(book.list()).extracting(Breakpoint::armed).containsExactly(true, false, false, true);
        assertThat(book.disarmedAt(0x1000)).isTrue();
        assertThat(book.disarmedAwayFrom(0x1000)).extracting(Breakpoint::address).containsExactly(0x100FL);
    }

    @Test
    void rearmingGivesTheNewHandle() {
        book.armed(0x2000, 1);
        book.stoppedAt(0x2000);
        book.armed(0x2000, 7);
        assertThat(book.at(0x2000)).hasValue(new Breakpoint(0, 0x2000, 7, true, true));
    }

    @Test
    void kernelAddressesSortAndMatchAsUnsigned() {
        long high = 0xFFFF_F804_7A00_1000L;
        book.armed(high, 1);
        book.armed(0x1000, 2);
        assertThat(book.list()).extracting(Breakpoint::address).containsExactly(0x1000L, high);
        assertThat(book.stoppedAt(high - 8)).extracting(Breakpoint::handle).containsExactly(1);
    }

    @Test
    void removeAndClearForget() {
        book.armed(0x3000, 1);
        assertThat(book.remove(0x3000)).isPresent();
        assertThat(book.remove(0x3000)).isEmpty();
        book.armed(0x3000, 2);
        book.clear();
        assertThat(book.list()).isEmpty();
    }

    @Test
    void idsAreTheLowestFreeAndStayWhileOthersComeAndGo() {
        book.armed(0x1000, 1);
        book.armed(0x2000, 2);
        book.armed(0x3000, 3);
        book.remove(0x2000);
        assertThat(book.list()).extracting(Breakpoint::id).containsExactly(0, 2);
        book.armed(0x4000, 4);
        assertThat(book.at(0x4000)).get().extracting(Breakpoint::id).isEqualTo(1);
        book.stoppedAt(0x3000);
        book.armed(0x3000, 5);
        assertThat(book.at(0x3000)).get().extracting(Breakpoint::id).as("re-armed keeps its id").isEqualTo(2);
    }

    @Test
    void aDisabledBreakpointKeepsItsIdAndIsNeitherReArmedNorSteppedOver() {
        book.armed(0x1000, 1);
        book.armed(0x1008, 2);
        book.disabled(0x1000);
        assertThat(book.at(0x1000)).hasValue(new Breakpoint(0, 0x1000, 1, false, false));
        assertThat(book.disarmedAt(0x1000)).isFalse();
        assertThat(book.stoppedAt(0x1000)).extracting(Breakpoint::id).containsExactly(1);
        assertThat(book.disarmedAwayFrom(0x2000)).extracting(Breakpoint::id).containsExactly(1);
        book.armed(0x1000, 3);
        assertThat(book.at(0x1000)).hasValue(new Breakpoint(0, 0x1000, 3, true, true));
    }

    @Test
    void aBreakpointAtThePcWaitsToBeSteppedOverLikeOneTheStopRemoved() {
        book.armed(0x1000, 1);
        assertThat(book.atThePc(0x2000)).isEqualTo(new Breakpoint(1, 0x2000, 0, false, true));
        assertThat(book.disarmedAt(0x2000)).as("go steps over it first, then writes it").isTrue();
        assertThat(book.disarmedAwayFrom(0x2000)).isEmpty();
        book.disabled(0x1000);
        assertThat(book.atThePc(0x1000).id()).as("an enabled one keeps its id").isZero();
    }
}
