package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.dbgkd.KSpecialRegister;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The MSRs a simulated processor has: those KSPECIAL_REGISTERS mirrors (GS bases, the SYSCALL MSRs) read and write
 * those fields, a few fixed ones read their usual values, and any other number does not exist (a debugger gets
 * STATUS_NO_SUCH_DEVICE, kd-protocol §3.2).
 */
final class ModelSpecificRegisters {
    private static final Map<Integer, KSpecialRegister> MIRRORED = Map.of(
            0xC0000101, KSpecialRegister.MSR_GS_BASE,
            0xC0000102, KSpecialRegister.MSR_GS_SWAP,
            0xC0000081, KSpecialRegister.MSR_STAR,
            0xC0000082, KSpecialRegister.MSR_LSTAR,
            0xC0000083, KSpecialRegister.MSR_CSTAR,
            0xC0000084, KSpecialRegister.MSR_SYSCALL_MASK);
    /** IA32_EFER (SCE, LME, LMA, NXE), IA32_APIC_BASE (enabled, BSP), IA32_PAT reset value. */
    private final Map<Integer, Long> fixed = new HashMap<>(Map.of(
            0xC0000080, 0xD01L,
            0x1B, 0xFEE00900L,
            0x277, 0x0007040600070406L));

    OptionalLong read(CpuState cpu, int msr) {
        KSpecialRegister field = MIRRORED.get(msr);
        if (field != null) {
            return OptionalLong.of(cpu.special().get(field));
        }
        Long value = fixed.get(msr);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    boolean write(CpuState cpu, int msr, long value) {
        KSpecialRegister field = MIRRORED.get(msr);
        if (field != null) {
            cpu.setSpecial(field, value);
            return true;
        }
        if (fixed.containsKey(msr)) {
            fixed.put(msr, value);
            return true;
        }
        return false;
    }
}
