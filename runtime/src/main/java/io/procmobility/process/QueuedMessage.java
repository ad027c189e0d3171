package io.procmobility.process;

/**
 * A message that arrived for a process while it was migrating, kept with its place in its
 * sender's stream ({@code stream} = the sending runtime's incarnation, {@code seq} its number)
 * so that the destination delivers it exactly once and in order.
 */
public record QueuedMessage(long stream, long seq, Object payload) {
}
