package io.procmobility.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicReference;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;

/**
 * Installs the agent into this JVM by self-attach with a raw transform that rewrites the constant
 * pool, and proves that the JVM defined exactly the bytes the transform returned.
 */
class SelfAttachTest {

    @Test
    void theJvmDefinesExactlyTheBytesTheTransformReturned() throws Exception {
        Instrumentation instrumentation = ByteBuddyAgent.install();
        TestClasses.RewritingTransform rewriting = new TestClasses.RewritingTransform();
        try (AgentHandle handle = ProcmobilityAgent.install(instrumentation, AgentOptions.parse("include=com.example.**"),
                rewriting)) {
            Class<?> plain = Class.forName("com.example.agenttest.Plain", true, new TestClasses.FreshLoader());
            assertThat(plain.getMethod("hello").invoke(plain.getConstructor().newInstance())).isEqualTo("raw");
            assertThat(handle.instrumentedClassCount()).isEqualTo(1);

            // The JVM keeps the class file as left by non-retransforming transformers (ours) and
            // hands exactly that to retransforming ones: the bytes it really defined.
            byte[] defined = definedBytes(instrumentation, plain);
            byte[] returned = rewriting.returned.get("com/example/agenttest/Plain");
            assertThat(defined).isEqualTo(returned);
            assertThat(returned).isNotEqualTo(TestClasses.bytesOf("com.example.agenttest.Plain"));
        }
    }

    @Test
    void uninstallStopsInstrumentingLaterClasses() throws Exception {
        TestClasses.RewritingTransform rewriting = new TestClasses.RewritingTransform();
        AgentHandle handle = ProcmobilityAgent.install(ByteBuddyAgent.install(),
                AgentOptions.parse("include=com.example.**"), rewriting);
        ClassLoader loader = new TestClasses.FreshLoader();
        Class<?> plain = Class.forName("com.example.agenttest.Plain", true, loader);
        assertThat(handle.uninstall()).isTrue();
        assertThat(handle.uninstall()).isFalse();
        Class<?> other = Class.forName("com.example.agenttest.Other", true, loader);
        assertThat(plain.getMethod("hello").invoke(plain.getConstructor().newInstance())).isEqualTo("raw");
        assertThat(other.getMethod("hello").invoke(other.getConstructor().newInstance())).isEqualTo("hello");
        assertThat(handle.isInstalled()).isFalse();
    }

    @Test
    void installByOptionsStringSelfAttaches() {
        try (AgentHandle handle = ProcmobilityAgent.install("include=com.example.none.**")) {
            assertThat(handle.isInstalled()).isTrue();
            assertThat(handle.options().includes()).containsExactly("com.example.none.**");
        }
    }

    private static byte[] definedBytes(Instrumentation instrumentation, Class<?> type) throws Exception {
        AtomicReference<byte[]> seen = new AtomicReference<>();
        ClassFileTransformer capture = new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                    ProtectionDomain protectionDomain, byte[] classfileBuffer) {
                if (classBeingRedefined == type) {
                    seen.set(classfileBuffer.clone());
                }
                return null;
            }
        };
        instrumentation.addTransformer(capture, true);
        try {
            instrumentation.retransformClasses(type);
        } finally {
            instrumentation.removeTransformer(capture);
        }
        return seen.get();
    }
}
