package se.asfplan.infra.idempotency;

/** How an idempotent request was answered. */
public sealed interface Outcome {

    /** First time: the work ran, succeeded and was committed together with its key and answer. */
    record Recorded(StoredResponse response) implements Outcome {
    }

    /**
     * First time, but the work was refused or failed: nothing it did was committed and the key was not used up, so
     * a corrected request may be sent with the same key.
     */
    record NotKept(StoredResponse response) implements Outcome {
    }

    /** A retry: the key was used before for this very request; this is its first answer, and nothing ran again. */
    record Replayed(StoredResponse response) implements Outcome {
    }

    /** The key was used before for another request (other method, path, body or user); nothing ran. */
    record KeyReusedForAnotherRequest() implements Outcome {
    }

    /** Another request with the key is running at this moment (only on databases that do not wait for it). */
    record KeyInUse() implements Outcome {
    }
}
