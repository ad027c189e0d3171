package io.procmobility.registry;

/** Told of nodes joining and leaving the cluster; see {@link ClusterRegistry#addMembershipListener}. */
@FunctionalInterface
public interface MembershipListener {
    /** Called once per node that joined or left, in the order this node saw the changes. */
    void onMembershipEvent(MembershipEvent event);
}
