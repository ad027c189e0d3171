package io.procmobility.transport;

/** Passed from the codec to the dispatcher in place of a frame that could not be decoded. */
record Undecodable(String reason) {
}
