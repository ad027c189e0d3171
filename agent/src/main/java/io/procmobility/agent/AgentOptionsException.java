package io.procmobility.agent;

/**
 * The agent argument string is not valid. The message names the offending option and lists the
 * valid ones, so that a typo in {@code -javaagent:procmobility-agent.jar=...} is fixed at once.
 */
public class AgentOptionsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** An invalid option, described by {@code message}. */
    public AgentOptionsException(String message) {
        super(message);
    }

    /** An invalid option, described by {@code message}; {@code cause} is kept. */
    public AgentOptionsException(String message, Throwable cause) {
        super(message, cause);
    }
}
