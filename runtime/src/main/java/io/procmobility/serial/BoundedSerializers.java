package io.procmobility.serial;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.CollectionSerializer;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import com.esotericsoftware.kryo.serializers.MapSerializer;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Kryo serializers for containers whose length prefix is checked with
 * {@link BoundedInput#claim(Input, int, String)} before anything is allocated. Kryo's own
 * collection serializers pre-size from the prefix ({@code new ArrayList(size)}), and its array
 * serializer allocates it outright.
 */
final class BoundedSerializers {
    private BoundedSerializers() {
    }

    /** Arrays of references: length + 1 (0 is null), then each element with its class. */
    static final class ObjectArray extends Serializer<Object[]> {
        private final Class<?> componentType;

        ObjectArray(Class<?> componentType) {
            this.componentType = componentType;
            setAcceptsNull(true);
        }

        @Override
        public void write(Kryo kryo, Output output, Object[] array) {
            if (array == null) {
                output.writeVarInt(0, true);
                return;
            }
            output.writeVarInt(array.length + 1, true);
            for (Object element : array) {
                kryo.writeClassAndObject(output, element);
            }
        }

        @Override
        public Object[] read(Kryo kryo, Input input, Class<? extends Object[]> type) {
            int lengthPlusOne = input.readVarInt(true);
            if (lengthPlusOne == 0) {
                return null;
            }
            int length = BoundedInput.claim(input, lengthPlusOne - 1, componentType.getName() + "[]");
            Object[] array = (Object[]) Array.newInstance(componentType, length);
            kryo.reference(array); // before the elements: an element may point back at the array
            for (int i = 0; i < length; i++) {
                Object element = kryo.readClassAndObject(input);
                if (element != null && !componentType.isInstance(element)) {
                    throw new SerializationException("Cannot deserialize continuation: a " + element.getClass().getName()
                            + " inside a " + componentType.getName() + "[] (corrupted or forged payload)");
                }
                array[i] = element;
            }
            return array;
        }
    }

    /** Any {@link Collection} with a no-arg constructor (ArrayList, HashSet, ArrayDeque, allowlisted ones). */
    static final class BoundedCollection<T extends Collection> extends CollectionSerializer<T> {
        @Override
        protected T create(Kryo kryo, Input input, Class<? extends T> type, int size) {
            BoundedInput.claim(input, size, type.getName());
            return super.create(kryo, input, type, size);
        }
    }

    /** Any {@link Map} with a no-arg constructor. */
    static final class BoundedMap<T extends Map> extends MapSerializer<T> {
        @Override
        protected T create(Kryo kryo, Input input, Class<? extends T> type, int size) {
            BoundedInput.claim(input, size, type.getName());
            return super.create(kryo, input, type, size);
        }
    }

    /** {@link TreeSet}, with its comparator. */
    static final class BoundedTreeSet extends DefaultSerializers.TreeSetSerializer {
        @Override
        protected TreeSet create(Kryo kryo, Input input, Class<? extends TreeSet> type, int size) {
            BoundedInput.claim(input, size, type.getName());
            return super.create(kryo, input, type, size);
        }
    }

    /** {@link TreeMap}, with its comparator. */
    static final class BoundedTreeMap extends DefaultSerializers.TreeMapSerializer {
        @Override
        protected TreeMap create(Kryo kryo, Input input, Class<? extends TreeMap> type, int size) {
            BoundedInput.claim(input, size, type.getName());
            return super.create(kryo, input, type, size);
        }
    }

    /** {@code List.of(...)}, {@code Stream.toList()} results: rebuilt as an unmodifiable list. */
    static final class ImmutableList extends Serializer<List<?>> {
        ImmutableList() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, List<?> list) {
            writeElements(kryo, output, list);
        }

        @Override
        public List<?> read(Kryo kryo, Input input, Class<? extends List<?>> type) {
            Object[] elements = readElements(kryo, input, "immutable list");
            // Stream.toList() lists may hold nulls, which List.of refuses.
            return Arrays.asList(elements).contains(null)
                    ? Collections.unmodifiableList(Arrays.asList(elements))
                    : List.of(elements);
        }
    }

    /** {@code Set.of(...)}. */
    static final class ImmutableSet extends Serializer<Set<?>> {
        ImmutableSet() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, Set<?> set) {
            writeElements(kryo, output, set);
        }

        @Override
        public Set<?> read(Kryo kryo, Input input, Class<? extends Set<?>> type) {
            return Set.of(readElements(kryo, input, "immutable set"));
        }
    }

    /** {@code Map.of(...)}: keys and values alternate. */
    static final class ImmutableMap extends Serializer<Map<?, ?>> {
        ImmutableMap() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, Map<?, ?> map) {
            output.writeVarInt(map.size(), true);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                kryo.writeClassAndObject(output, entry.getKey());
                kryo.writeClassAndObject(output, entry.getValue());
            }
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Map<?, ?> read(Kryo kryo, Input input, Class<? extends Map<?, ?>> type) {
            int size = BoundedInput.claim(input, input.readVarInt(true), "immutable map");
            Map.Entry[] entries = new Map.Entry[size];
            for (int i = 0; i < size; i++) {
                entries[i] = Map.entry(kryo.readClassAndObject(input), kryo.readClassAndObject(input));
            }
            return Map.ofEntries(entries);
        }
    }

    private static void writeElements(Kryo kryo, Output output, Collection<?> elements) {
        output.writeVarInt(elements.size(), true);
        for (Object element : elements) {
            kryo.writeClassAndObject(output, element);
        }
    }

    private static Object[] readElements(Kryo kryo, Input input, String what) {
        int size = BoundedInput.claim(input, input.readVarInt(true), what);
        Object[] elements = new Object[size];
        for (int i = 0; i < size; i++) {
            elements[i] = kryo.readClassAndObject(input);
        }
        return elements;
    }
}
