package dev.flagrunner.paging;

/**
 * A {@code limit} or {@code cursor} that is not one: which parameter, and what it must be. {@code web} answers it
 * as {@code 400 /problems/validation} naming the parameter.
 */
public class InvalidPageRequestException extends RuntimeException {

    private final String parameter;
    private final String requirement;

    public InvalidPageRequestException(String parameter, String requirement) {
        super("parameter '" + parameter + "' " + requirement);
        this.parameter = parameter;
        this.requirement = requirement;
    }

    /** The parameter's name, as the caller wrote it in the query. */
    public String parameter() {
        return parameter;
    }

    /** What the parameter must be ("must be between 1 and 1000"). */
    public String requirement() {
        return requirement;
    }
}
