package io.procmobility.node;

import io.procmobility.process.Pid;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where this node believes processes that are not here live: forwarding pointers for processes
 * that left, and what redirects taught it. An entry only moves to a higher epoch, so a late or
 * replayed redirect can never point back to an older place.
 */
final class Locations {
    /** {@code pid} lives on {@code node} since its move number {@code epoch}. */
    record Location(String node, long epoch) {
    }

    private final Map<Pid, Location> byPid = new ConcurrentHashMap<>();

    /** Records a location unless a newer one (higher epoch) is known; true when it changed. */
    boolean update(Pid pid, String node, long epoch) {
        Location fresh = new Location(node, epoch);
        Location result = byPid.merge(pid, fresh, (old, neu) -> neu.epoch > old.epoch ? neu : old);
        return result == fresh;
    }

    Location get(Pid pid) {
        return byPid.get(pid);
    }

    /** The process is here now: local delivery wins, the pointer goes (its epoch lives in the process). */
    void remove(Pid pid) {
        byPid.remove(pid);
    }

    int size() {
        return byPid.size();
    }
}
