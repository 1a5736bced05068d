package dev.kdnet.host.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChunkTest {
    @Test
    void splitsIntoProtocolSizedPiecesWithAShortLastOne() {
        assertThat(Chunk.split(0x1000, 0x1000, 0x448)).containsExactly(new Chunk(0x1000, 0, 0x448),
                new Chunk(0x1448, 0x448, 0x448), new Chunk(0x1890, 0x890, 0x448), new Chunk(0x1CD8, 0xCD8, 0x328));
    }

    @Test
    void anExactMultipleHasNoEmptyTail() {
        assertThat(Chunk.split(0, 0x890, 0x448)).hasSize(2);
        assertThat(Chunk.split(0, 0, 0x448)).isEmpty();
    }

    @Test
    void addressesWrapAsUnsigned() {
        assertThat(Chunk.split(-0x10, 0x20, 0x10)).extracting(Chunk::address).containsExactly(-0x10L, 0L);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> Chunk.split(0, -1, 0x448)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Chunk.split(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
