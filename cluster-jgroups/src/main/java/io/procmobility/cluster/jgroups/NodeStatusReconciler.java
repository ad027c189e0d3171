package io.procmobility.cluster.jgroups;

import io.procmobility.registry.LeaveReason;
import io.procmobility.registry.NodeDown;
import io.procmobility.registry.RegistryTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jgroups.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the replicated node records in line with the membership: the coordinator of a view that
 * holds a majority of the configured members reports every member of its view that the records do
 * not show up ({@link Command.NodeUp}) and every node the records show up that is not in its view
 * ({@link Command.MarkNodeDown}: the node's names are released, its locations marked).
 *
 * <p>Everything is derived from the replicated records and the current view, so a new coordinator
 * (the old one crashed) finishes what its predecessor started. The coordinator of a minority view
 * reports nothing: it could not commit, and a report held back until a partition heals would be
 * stale by then. Reports carry the view id, so an older report never overrides a newer one.
 * Runs on the timer thread; one batch of reports at a time.
 */
final class NodeStatusReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(NodeStatusReconciler.class);
    private static final long RETRY_MILLIS = 500;

    private final String localNode;
    private final int majority;
    private final Membership membership;
    private final RegistryTable table;
    private final RaftWriter writer;
    private final ScheduledExecutorService timer;
    private boolean inFlight;
    private boolean dirty;
    private volatile boolean closed;

    NodeStatusReconciler(String localNode, int majority, Membership membership, RegistryTable table, RaftWriter writer,
            ScheduledExecutorService timer) {
        this.localNode = localNode;
        this.majority = majority;
        this.membership = membership;
        this.table = table;
        this.writer = writer;
        this.timer = timer;
    }

    /** Something changed (a view, the records): check again soon. Any thread. */
    void poke() {
        schedule(0);
    }

    void close() {
        closed = true;
    }

    private void schedule(long delayMillis) {
        if (closed) {
            return;
        }
        try {
            timer.schedule(this::reconcile, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // closing
        }
    }

    private void reconcile() {
        if (closed) {
            return;
        }
        if (inFlight) {
            dirty = true;
            return;
        }
        View view = membership.view();
        Set<String> members = membership.members();
        if (view == null || !membership.isCoordinator() || members.size() < majority) {
            return;
        }
        long viewId = view.getViewId().getId();
        Set<String> recordedUp = table.nodesUp();
        List<Command> reports = new ArrayList<>();
        for (String member : members) {
            if (!recordedUp.contains(member)) {
                reports.add(new Command.NodeUp(member, viewId));
            }
        }
        for (String node : recordedUp) {
            if (!members.contains(node)) {
                Membership.Departure d = membership.departure(node);
                NodeDown down = d != null
                        ? new NodeDown(node, d.reason(), d.detail(), d.at())
                        : new NodeDown(node, LeaveReason.FAILED, "not in the view of coordinator " + localNode, Instant.now());
                reports.add(new Command.MarkNodeDown(down, viewId));
            }
        }
        if (reports.isEmpty()) {
            return;
        }
        inFlight = true;
        List<CompletableFuture<Object>> submitted = new ArrayList<>();
        for (Command report : reports) {
            LOG.debug("node {}: reporting {}", localNode, report.describe());
            submitted.add(writer.submit(report));
        }
        CompletableFuture.allOf(submitted.toArray(CompletableFuture[]::new)).whenComplete((ok, failure) -> {
            try {
                timer.execute(() -> finished(failure));
            } catch (RejectedExecutionException closing) {
                // closing
            }
        });
    }

    private void finished(Throwable failure) {
        inFlight = false;
        if (failure != null) {
            LOG.info("node {}: could not record membership changes yet ({}); retrying", localNode, failure.getMessage());
            dirty = false;
            schedule(RETRY_MILLIS);
        } else if (dirty) {
            dirty = false;
            schedule(0);
        }
    }
}
