package io.procmobility.process;

import java.util.concurrent.atomic.AtomicLong;

/** Identifies one monitor, to demonitor it or to match its {@link Down} message. */
public final class MonitorRef {
    private static final AtomicLong NEXT = new AtomicLong();

    private final long incarnation;
    private final long id;

    /** For serializers. */
    public MonitorRef(long incarnation, long id) {
        this.incarnation = incarnation;
        this.id = id;
    }

    static MonitorRef next(long incarnation) {
        return new MonitorRef(incarnation, NEXT.incrementAndGet());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MonitorRef other && other.id == id && other.incarnation == incarnation;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + Long.hashCode(incarnation);
    }

    @Override
    public String toString() {
        return "#Ref<" + id + ">";
    }
}
