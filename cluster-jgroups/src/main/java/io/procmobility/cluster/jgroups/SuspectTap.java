package io.procmobility.cluster.jgroups;

import java.util.Collection;
import org.jgroups.Address;
import org.jgroups.Event;
import org.jgroups.stack.Protocol;

/**
 * A pass-through protocol placed just above a failure detector: it notes which detector raised a
 * suspicion (or that VERIFY_SUSPECT2 confirmed one) in {@link Suspicions}, and changes nothing.
 * It adds no header, so it needs no protocol id.
 */
final class SuspectTap extends Protocol {
    private final Suspicions suspicions;
    private final String detector;
    private final boolean confirmation;

    private SuspectTap(Suspicions suspicions, String detector, boolean confirmation) {
        this.suspicions = suspicions;
        this.detector = detector;
        this.confirmation = confirmation;
    }

    /** A tap that attributes suspicions passing up to {@code detector}. */
    static SuspectTap detector(Suspicions suspicions, String detector) {
        return new SuspectTap(suspicions, detector, false);
    }

    /** A tap above VERIFY_SUSPECT2: suspicions passing it are confirmed. */
    static SuspectTap confirmation(Suspicions suspicions) {
        return new SuspectTap(suspicions, null, true);
    }

    @Override
    public String getName() {
        return confirmation ? "SuspectTap(VERIFY_SUSPECT2)" : "SuspectTap(" + detector + ")";
    }

    @Override
    public Object up(Event evt) {
        if (evt.getType() == Event.SUSPECT && evt.getArg() instanceof Collection<?> members) {
            for (Object member : members) {
                if (member instanceof Address address) {
                    if (confirmation) {
                        suspicions.confirmed(address);
                    } else {
                        suspicions.suspected(address, detector);
                    }
                }
            }
        }
        return up_prot.up(evt);
    }
}
