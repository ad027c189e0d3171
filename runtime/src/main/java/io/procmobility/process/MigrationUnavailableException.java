package io.procmobility.process;

/**
 * A process asked to move ({@link Processes#migrateSelf}) in a runtime that cannot move
 * processes: no node drives its migrations. Thrown inside the process, which goes on where it is;
 * {@code Mobility.sendMe} reports it as a {@code MigrationException}.
 */
public final class MigrationUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public MigrationUnavailableException(String message) {
        super(message);
    }
}
