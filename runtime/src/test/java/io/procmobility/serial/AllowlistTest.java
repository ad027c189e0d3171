package io.procmobility.serial;

import static io.procmobility.serial.TestSupport.continuation;
import static io.procmobility.serial.TestSupport.frame;
import static io.procmobility.serial.TestSupport.withLocal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmobility.continuation.Continuation;
import io.procmobility.internal.Frame;
import io.procmobility.serial.fixtures.Annotated;
import io.procmobility.serial.fixtures.Gadget;
import io.procmobility.serial.fixtures.Node;
import io.procmobility.serial.fixtures.Worker;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowlistTest {
    private final ContinuationSerializer serializer = TestSupport.serializer();

    @Test
    void localOfDisallowedClassIsNamedWithFrameAndFix() throws IOException {
        try (Socket socket = new Socket()) {
            Continuation c = continuation(new Worker("w"), null, frame(new long[] {1}, "fine", socket));

            assertThatThrownBy(() -> serializer.serialize(c))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("local 'ref#1'")
                    .hasMessageContaining("frame io.procmobility.serial.fixtures.Worker.loop(I)V")
                    .hasMessageContaining("holds a java.net.Socket, which is not allowed")
                    .hasMessageContaining("allowClass(\"java.net.Socket\")")
                    .hasMessageContaining("beforeDeparture()");
        }
    }

    @Test
    void instrumentationMetadataGivesSourceLineAndVariableName() throws IOException {
        try (Socket socket = new Socket()) {
            Annotated target = new Annotated();
            Frame frame = new Frame("io/procmobility/serial/fixtures/Annotated", "loop", "(I)V", 42L, 0,
                    new long[] {3}, new Object[] {target, socket});
            Continuation c = continuation(target, null, frame);

            assertThatThrownBy(() -> serializer.serialize(c))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageStartingWith("Cannot serialize continuation: local 'socket' of frame "
                            + "io.procmobility.serial.fixtures.Annotated.loop(Annotated.java:42) holds a java.net.Socket, which is not allowed.");
        }
    }

    @Test
    void objectNestedInsideAllowedObjectIsNamedWithItsPath() throws IOException {
        try (Socket socket = new Socket()) {
            Node outer = new Node("outer");
            outer.next = new Node("inner");
            outer.next.other = new ArrayList<>(List.of("x", socket));

            assertThatThrownBy(() -> serializer.serialize(withLocal(outer)))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("local 'ref#0'")
                    .hasMessageContaining("holds a io.procmobility.serial.fixtures.Node whose ref#0.next.other[1] is a java.net.Socket");
        }
    }

    @Test
    void targetAndValueOfDisallowedClassAreNamed() {
        ContinuationSerializer strict = new ContinuationSerializer(SerialAllowlist.none(), getClass().getClassLoader());
        assertThatThrownBy(() -> strict.serialize(withLocal("x")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("the continuation's target is a io.procmobility.serial.fixtures.Worker, which is not allowed");
        assertThatThrownBy(() -> serializer.serialize(continuation(new Worker(), new java.util.concurrent.Semaphore(1))))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("the value passed to suspend() is a java.util.concurrent.Semaphore");
    }

    @Test
    void arraysFollowTheirElementClass() throws IOException {
        Node[] nodes = {new Node("a")};
        Object[] copy = (Object[]) serializer.deserialize(serializer.serialize(withLocal(nodes))).frames()[0].ref(0);
        assertThat(copy).isInstanceOf(Node[].class);
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> serializer.serialize(withLocal(new Socket[] {socket})))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("java.net.Socket[]")
                    .hasMessageContaining("allowClass(\"java.net.Socket\")");
        }
    }

    @Test
    void readRejectsClassOutsideAllowlistBeforeLoadingIt() {
        byte[] bytes = serializer.serialize(continuation(new Worker("w"), null,
                frame(new long[0], Gadget.class, new Node("n"))));
        assertThat(System.getProperty(Gadget.INITIALIZED)).isNull(); // writing a Class object does not initialize it
        RecordingClassLoader loader = new RecordingClassLoader();
        ContinuationSerializer strict = new ContinuationSerializer(
                SerialAllowlist.builder().allowClass(Worker.class).allowClass(Node.class).build(), loader);

        assertThatThrownBy(() -> strict.deserialize(bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("io.procmobility.serial.fixtures.Gadget, which is not allowed")
                .hasMessageContaining("was not loaded");

        assertThat(loader.requested).contains(Worker.class.getName()).doesNotContain(Gadget.class.getName());
        assertThat(System.getProperty(Gadget.INITIALIZED)).isNull();
    }

    @Test
    void readRejectsUserObjectOfClassOutsideAllowlist() {
        byte[] bytes = serializer.serialize(withLocal(new Node("n")));
        RecordingClassLoader loader = new RecordingClassLoader();
        ContinuationSerializer strict = new ContinuationSerializer(
                SerialAllowlist.builder().allowClass(Worker.class.getName()).build(), loader);

        assertThatThrownBy(() -> strict.deserialize(bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("io.procmobility.serial.fixtures.Node");
        assertThat(loader.requested).doesNotContain(Node.class.getName());
    }

    @Test
    void globsMatchPackagesAndSubPackages() {
        SerialAllowlist list = SerialAllowlist.builder()
                .allowPackage("com.acme.**").allowPackage("org.one.*").allowPackage("net.plain")
                .allowClass("x.y.Single").allowClass(Node.class).build();

        assertThat(list.allows("com.acme.Foo")).isTrue();
        assertThat(list.allows("com.acme.deep.er.Foo$Inner")).isTrue();
        assertThat(list.allows("com.acmeX.Foo")).isFalse();
        assertThat(list.allows("org.one.Foo")).isTrue();
        assertThat(list.allows("org.one.sub.Foo")).isFalse();
        assertThat(list.allows("net.plain.Foo")).isTrue();
        assertThat(list.allows("x.y.Single")).isTrue();
        assertThat(list.allows("x.y.Single$Nested")).isFalse();
        assertThat(list.allows(Node.class)).isTrue();
        assertThat(list.allows("java.lang.Runtime")).isFalse();
        assertThat(SerialAllowlist.none().allows("com.acme.Foo")).isFalse();
        assertThatThrownBy(() -> SerialAllowlist.builder().allowPackage("com.*.foo")).isInstanceOf(IllegalArgumentException.class);
    }
}
