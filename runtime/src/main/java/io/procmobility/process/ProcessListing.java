package io.procmobility.process;

import io.procmobility.continuation.Continuation;
import io.procmobility.internal.ClassMetadata;
import io.procmobility.internal.Frame;
import io.procmobility.internal.MethodMetadata;

/** Builds {@link ProcessInfo} snapshots, resolving where a suspended process stands in its code. */
final class ProcessListing {
    private ProcessListing() {
    }

    static ProcessInfo describe(LocalProcess process) {
        ProcessStatus status = process.status();
        Continuation continuation = status == ProcessStatus.WAITING ? process.continuation : null;
        return new ProcessInfo(process.pid, process.name(), process.code.getClass().getName(), status,
                process.mailbox.size(), continuation == null ? "" : location(process, continuation));
    }

    /** {@code class.method(File.java:line)} of the frame that suspended (the top one). */
    static String location(LocalProcess process, Continuation continuation) {
        Frame[] frames = continuation.frames();
        if (frames.length == 0) {
            return "";
        }
        Frame top = frames[frames.length - 1];
        try {
            Class<?> owner = Class.forName(top.owner().replace('/', '.'), false, process.code.getClass().getClassLoader());
            MethodMetadata method = ClassMetadata.of(owner).method(top.name(), top.descriptor());
            if (method != null) {
                return method.where(top.callSite());
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // fall through to the bare method name
        }
        return top.methodLabel();
    }
}
