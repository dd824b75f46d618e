package dev.flagrunner.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Which kinds of write to the durable store failed last time they ran: the {@code store} health component is DOWN
 * with the reason of such a failure until that kind of write (storing a flag, a session's start, …) succeeds again.
 */
@Component
public class StoreStatus {

    private final Map<String, String> failedByOperation = new ConcurrentHashMap<>();

    void succeeded(String operation) {
        if (!failedByOperation.isEmpty()) {
            failedByOperation.remove(operation);
        }
    }

    void failed(String operation, StoreException e) {
        failedByOperation.put(operation, e.getMessage());
    }

    /** The reason of a kind of write that failed last time, if any did. */
    public Optional<String> lastFailure() {
        return failedByOperation.values().stream().findFirst();
    }
}
