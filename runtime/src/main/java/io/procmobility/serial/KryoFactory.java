package io.procmobility.serial;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.SerializerFactory;
import com.esotericsoftware.kryo.serializers.ClosureSerializer;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import com.esotericsoftware.kryo.serializers.FieldSerializer;
import com.esotericsoftware.kryo.serializers.OptionalSerializers;
import com.esotericsoftware.kryo.serializers.TimeSerializers;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.MapReferenceResolver;
import io.procmobility.continuation.Continuation;
import io.procmobility.internal.Frame;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Builds one configured Kryo instance. The registration IDs below are the wire format: both sides
 * must agree, so never renumber or reuse an ID; add new types with new IDs at the end.
 * Kryo itself registers the primitives, their wrappers and {@code String} with IDs 0-9.
 */
final class KryoFactory {
    /** Version of the layout below and of the payload header; bump on any incompatible change. */
    static final int FORMAT_VERSION = 2;

    private KryoFactory() {
    }

    static Kryo create(SerialAllowlist allowlist, SerialLimits limits, ClassLoader loader) {
        Kryo kryo = new Kryo(new AllowlistClassResolver(allowlist, loader), new MapReferenceResolver());
        // Off on purpose: our resolver refuses what is neither registered nor allowlisted (see its Javadoc).
        kryo.setRegistrationRequired(false);
        kryo.setReferences(true);
        kryo.setClassLoader(loader);
        kryo.setMaxDepth(limits.maxDepth());
        // No-arg constructor first; objenesis only as a fallback. Only registered or allowlisted
        // classes ever reach the instantiator, because the resolver refuses every other class.
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        // Synthetic fields are state too: this$0 of inner and anonymous classes, captured locals.
        FieldSerializer.FieldSerializerConfig fields = new FieldSerializer.FieldSerializerConfig();
        fields.setIgnoreSyntheticFields(false);
        kryo.setDefaultSerializer(new SerializerFactory.FieldSerializerFactory(fields));
        // Allowlisted user collections and maps get the length-checked serializers.
        kryo.addDefaultSerializer(Collection.class, factory(BoundedSerializers.BoundedCollection::new));
        kryo.addDefaultSerializer(Map.class, factory(BoundedSerializers.BoundedMap::new));
        registerRuntimeTypes(kryo);
        registerJdkTypes(kryo);
        return kryo;
    }

    private static void registerRuntimeTypes(Kryo kryo) {
        kryo.register(Continuation.class, new ContinuationSnapshotSerializer(), 16);
        kryo.register(Frame.class, new FrameSerializer(), 17);
        kryo.register(ClosureSerializer.Closure.class, new LambdaSerializer(), 18);
        // Class objects travel by name through the allowlisting resolver.
        kryo.register(Class.class, new DefaultSerializers.ClassSerializer(), 19);
        kryo.register(Object.class, new FieldSerializer<>(kryo, Object.class), 15);
    }

    private static void registerJdkTypes(Kryo kryo) {
        // Primitive arrays: Kryo's serializers, whose bulk reads BoundedInput checks.
        kryo.register(byte[].class, 20);
        kryo.register(char[].class, 21);
        kryo.register(short[].class, 22);
        kryo.register(int[].class, 23);
        kryo.register(long[].class, 24);
        kryo.register(float[].class, 25);
        kryo.register(double[].class, 26);
        kryo.register(boolean[].class, 27);
        kryo.register(String[].class, new BoundedSerializers.ObjectArray(String.class), 28);
        kryo.register(Object[].class, new BoundedSerializers.ObjectArray(Object.class), 29);

        kryo.register(ArrayList.class, new BoundedSerializers.BoundedCollection<>(), 30);
        kryo.register(LinkedList.class, new BoundedSerializers.BoundedCollection<>(), 31);
        kryo.register(ArrayDeque.class, new BoundedSerializers.BoundedCollection<>(), 32);
        kryo.register(HashSet.class, new BoundedSerializers.BoundedCollection<>(), 33);
        kryo.register(LinkedHashSet.class, new BoundedSerializers.BoundedCollection<>(), 34);
        kryo.register(TreeSet.class, new BoundedSerializers.BoundedTreeSet(), 35);
        kryo.register(HashMap.class, new BoundedSerializers.BoundedMap<>(), 36);
        kryo.register(LinkedHashMap.class, new BoundedSerializers.BoundedMap<>(), 37);
        kryo.register(TreeMap.class, new BoundedSerializers.BoundedTreeMap(), 38);
        kryo.register(ConcurrentHashMap.class, new BoundedSerializers.BoundedMap<>(), 39);
        // Kryo serves every EnumSet implementation with this registration; the element count is
        // bounded by the payload because each element is read from it.
        kryo.register(EnumSet.class, new DefaultSerializers.EnumSetSerializer(), 40);
        kryo.register(Collections.emptyList().getClass(), new DefaultSerializers.CollectionsEmptyListSerializer(), 41);
        kryo.register(Collections.emptySet().getClass(), new DefaultSerializers.CollectionsEmptySetSerializer(), 42);
        kryo.register(Collections.emptyMap().getClass(), new DefaultSerializers.CollectionsEmptyMapSerializer(), 43);
        kryo.register(Collections.singletonList(1).getClass(), new DefaultSerializers.CollectionsSingletonListSerializer(), 44);
        kryo.register(Collections.singleton(1).getClass(), new DefaultSerializers.CollectionsSingletonSetSerializer(), 45);
        kryo.register(Collections.singletonMap(1, 1).getClass(), new DefaultSerializers.CollectionsSingletonMapSerializer(), 46);
        kryo.register(List.of(1).getClass(), new BoundedSerializers.ImmutableList(), 47);
        kryo.register(List.of(1, 2, 3).getClass(), new BoundedSerializers.ImmutableList(), 48);
        kryo.register(Set.of(1).getClass(), new BoundedSerializers.ImmutableSet(), 49);
        kryo.register(Set.of(1, 2, 3).getClass(), new BoundedSerializers.ImmutableSet(), 50);
        kryo.register(Map.of(1, 1).getClass(), new BoundedSerializers.ImmutableMap(), 51);
        kryo.register(Map.of(1, 1, 2, 2).getClass(), new BoundedSerializers.ImmutableMap(), 52);

        kryo.register(AtomicInteger.class, new DefaultSerializers.AtomicIntegerSerializer(), 60);
        kryo.register(AtomicLong.class, new DefaultSerializers.AtomicLongSerializer(), 61);
        kryo.register(AtomicBoolean.class, new DefaultSerializers.AtomicBooleanSerializer(), 62);
        kryo.register(AtomicReference.class, new DefaultSerializers.AtomicReferenceSerializer(), 63);

        kryo.register(BigInteger.class, new DefaultSerializers.BigIntegerSerializer(), 70);
        kryo.register(BigDecimal.class, new DefaultSerializers.BigDecimalSerializer(), 71);
        kryo.register(UUID.class, new DefaultSerializers.UUIDSerializer(), 72);
        kryo.register(Optional.class, new OptionalSerializers.OptionalSerializer(), 73);
        kryo.register(OptionalInt.class, new OptionalSerializers.OptionalIntSerializer(), 74);
        kryo.register(OptionalLong.class, new OptionalSerializers.OptionalLongSerializer(), 75);
        kryo.register(OptionalDouble.class, new OptionalSerializers.OptionalDoubleSerializer(), 76);

        kryo.register(Duration.class, new TimeSerializers.DurationSerializer(), 80);
        kryo.register(Instant.class, new TimeSerializers.InstantSerializer(), 81);
        kryo.register(LocalDate.class, new TimeSerializers.LocalDateSerializer(), 82);
        kryo.register(LocalTime.class, new TimeSerializers.LocalTimeSerializer(), 83);
        kryo.register(LocalDateTime.class, new TimeSerializers.LocalDateTimeSerializer(), 84);
        kryo.register(ZonedDateTime.class, new TimeSerializers.ZonedDateTimeSerializer(), 85);
        kryo.register(OffsetDateTime.class, new TimeSerializers.OffsetDateTimeSerializer(), 86);
        kryo.register(OffsetTime.class, new TimeSerializers.OffsetTimeSerializer(), 87);
        kryo.register(ZoneOffset.class, new TimeSerializers.ZoneOffsetSerializer(), 88);
        // ZoneId.of("Europe/Paris") is a java.time.ZoneRegion, a package-private subclass.
        kryo.register(ZoneId.of("Europe/Paris").getClass(), new TimeSerializers.ZoneIdSerializer(), 89);
        kryo.register(Period.class, new TimeSerializers.PeriodSerializer(), 90);
        kryo.register(Year.class, new TimeSerializers.YearSerializer(), 91);
        kryo.register(YearMonth.class, new TimeSerializers.YearMonthSerializer(), 92);
        kryo.register(MonthDay.class, new TimeSerializers.MonthDaySerializer(), 93);
        // Pending string concatenations (a StringBuilder on the operand stack) are common at suspension points.
        kryo.register(StringBuilder.class, new DefaultSerializers.StringBuilderSerializer(), 94);
        kryo.register(StringBuffer.class, new DefaultSerializers.StringBufferSerializer(), 95);
    }

    private static SerializerFactory<Serializer<?>> factory(java.util.function.Supplier<Serializer<?>> supplier) {
        return new SerializerFactory.BaseSerializerFactory<>() {
            @Override
            public Serializer<?> newSerializer(Kryo kryo, Class type) {
                return supplier.get();
            }
        };
    }
}
