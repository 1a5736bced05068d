package dev.kdnet.host.cli;

import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.key.KeyFormatException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a {@code --key w.x.y.z} option; a bad key is a usage error naming the part and the rule it breaks. */
final class KeyConverter implements ITypeConverter<KdnetKey> {
    @Override
    public KdnetKey convert(String value) {
        try {
            return KdnetKey.parse(value);
        } catch (KeyFormatException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
