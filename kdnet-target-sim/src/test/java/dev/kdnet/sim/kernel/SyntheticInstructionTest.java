package dev.kdnet.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.dbgkd.X64Context;
import dev.kdnet.protocol.dbgkd.X64Register;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The synthetic stream is real x64 code that loops: it decodes end to end and its jump lands on the start. */
class SyntheticInstructionTest {
    private static final long BASE = 0xFFFFF80000100000L;

    @Test
    void theStreamDecodesInstructionByInstructionAndJumpsBackToItsStart() {
        byte[] code = SyntheticInstruction.stream(4096, 19041);
        X64Context context = X64Context.zero().with(X64Register.RIP, BASE);
        Set<SyntheticInstruction> seen = EnumSet.noneOf(SyntheticInstruction.class);
        long rax = 0;
        long rcx = 0;
        long rdx = 0;
        for (int steps = 0; steps < 10_000; steps++) {
            int offset = (int) (context.get(X64Register.RIP) - BASE);
            byte[] at = Arrays.copyOfRange(code, offset, Math.min(code.length, offset + 16));
            SyntheticInstruction instruction = SyntheticInstruction.decode(at).orElseThrow(
                    () -> new AssertionError("undecodable byte at offset " + offset));
            seen.add(instruction);
            rax += instruction == SyntheticInstruction.INC_RAX ? 1 : 0;
            rcx -= instruction == SyntheticInstruction.DEC_RCX ? 1 : 0;
            rdx += instruction == SyntheticInstruction.ADD_RDX_8 ? 8 : 0;
            context = instruction.execute(context, at);
            if (instruction == SyntheticInstruction.JMP_REL32) {
                assertThat(offset).isEqualTo(code.length - SyntheticInstruction.JMP_LENGTH);
                assertThat(context.get(X64Register.RIP)).isEqualTo(BASE);
                break;
            }
            assertThat(context.get(X64Register.RIP)).isEqualTo(BASE + offset + instruction.length());
        }
        assertThat(seen).containsAll(EnumSet.allOf(SyntheticInstruction.class));
        assertThat(context.get(X64Register.RAX)).isEqualTo(rax);
        assertThat(context.get(X64Register.RCX)).isEqualTo(rcx);
        assertThat(context.get(X64Register.RDX)).isEqualTo(rdx);
    }

    @Test
    void theSameSeedGivesTheSameBytes() {
        assertThat(SyntheticInstruction.stream(1024, 1)).isEqualTo(SyntheticInstruction.stream(1024, 1));
        assertThat(SyntheticInstruction.stream(1024, 1)).isNotEqualTo(SyntheticInstruction.stream(1024, 2));
    }

    @Test
    void bytesOutsideTheSetDoNotDecode() {
        assertThat(SyntheticInstruction.decode(new byte[] {(byte) 0xCC})).isEmpty();
        assertThat(SyntheticInstruction.decode(new byte[] {0x48, (byte) 0xFF})).isEmpty();
        assertThat(SyntheticInstruction.decode(new byte[0])).isEmpty();
    }
}
