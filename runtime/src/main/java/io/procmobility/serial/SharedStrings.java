package io.procmobility.serial;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes repeated strings (frames' owners, names and descriptors) once per payload and then by
 * index: a recursive stack repeats the same method identity in every frame, and Kryo does not
 * reference-track strings. The table lives in Kryo's graph context, which Kryo clears after each
 * top-level object.
 */
final class SharedStrings {
    private static final Object WRITE_TABLE = new Object();
    private static final Object READ_TABLE = new Object();

    private SharedStrings() {
    }

    static void write(Kryo kryo, Output output, String value) {
        @SuppressWarnings("unchecked")
        Map<String, Integer> table = (Map<String, Integer>) kryo.getGraphContext().get(WRITE_TABLE);
        if (table == null) {
            table = new HashMap<>();
            kryo.getGraphContext().put(WRITE_TABLE, table);
        }
        Integer index = table.get(value);
        if (index != null) {
            output.writeVarInt(index + 1, true);
            return;
        }
        output.writeVarInt(0, true);
        output.writeString(value);
        table.put(value, table.size());
    }

    static String read(Kryo kryo, Input input) {
        @SuppressWarnings("unchecked")
        List<String> table = (List<String>) kryo.getGraphContext().get(READ_TABLE);
        if (table == null) {
            table = new ArrayList<>();
            kryo.getGraphContext().put(READ_TABLE, table);
        }
        int reference = input.readVarInt(true);
        if (reference == 0) {
            String value = input.readString();
            table.add(value);
            return value;
        }
        if (reference < 0 || reference > table.size()) {
            throw new SerializationException("Cannot deserialize continuation: a frame refers to string #" + reference
                    + " of " + table.size() + " seen so far (corrupted or forged payload)");
        }
        return table.get(reference - 1);
    }
}
