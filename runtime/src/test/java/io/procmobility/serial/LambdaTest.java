package io.procmobility.serial;

import static io.procmobility.serial.TestSupport.withLocal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmobility.serial.fixtures.Lambdas;
import io.procmobility.serial.fixtures.Node;
import io.procmobility.serial.fixtures.Worker;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LambdaTest {
    private final ContinuationSerializer serializer = TestSupport.serializer();

    @Test
    @SuppressWarnings("unchecked")
    void serializableLambdaRoundTripsWithItsCapturedValues() {
        Function<Integer, Integer> adder = Lambdas.adder(10, new Node("abc"));

        Object copy = serializer.deserialize(serializer.serialize(withLocal(adder))).frames()[0].ref(0);

        assertThat(copy).isInstanceOf(Lambdas.SerialFunction.class).isNotSameAs(adder);
        assertThat(((Function<Integer, Integer>) copy).apply(5)).isEqualTo(18);
    }

    @Test
    void sharedLambdaStaysOneObject() {
        Function<Integer, Integer> adder = Lambdas.adder(1, new Node("n"));
        Object[] refs = serializer.deserialize(serializer.serialize(
                TestSupport.continuation(new Worker(), null, TestSupport.frame(new long[0], adder, adder)))).frames()[0].refsCopy();
        assertThat(refs[1]).isSameAs(refs[0]);
    }

    @Test
    void nonSerializableLambdaIsRefusedWithAFix() {
        Object plain = Lambdas.plain("s");
        assertThatThrownBy(() -> serializer.serialize(withLocal(plain)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("local 'ref#0'")
                .hasMessageContaining("holds a lambda io.procmobility.serial.fixtures.Lambdas$$Lambda")
                .hasMessageContaining("that is not serializable")
                .hasMessageContaining("make its functional interface extend java.io.Serializable".substring(1));
    }

    @Test
    void lambdaOfClassOutsideAllowlistIsRefusedOnWriteAndRead() {
        Object adder = Lambdas.adder(1, new Node("n"));
        SerialAllowlist noLambdas = SerialAllowlist.builder().allowClass(Worker.class).allowClass(Node.class).build();
        ContinuationSerializer strict = new ContinuationSerializer(noLambdas, getClass().getClassLoader());

        assertThatThrownBy(() -> strict.serialize(withLocal(adder)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("holds a lambda created in io.procmobility.serial.fixtures.Lambdas, a class which is not allowed");

        byte[] bytes = serializer.serialize(withLocal(adder));
        assertThatThrownBy(() -> strict.deserialize(bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("io.procmobility.serial.fixtures.Lambdas, which is not allowed");
    }
}
