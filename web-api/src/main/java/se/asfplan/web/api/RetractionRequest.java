package se.asfplan.web.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A retraction of a fact recorded in error: the identifier of the event that recorded it (as the yearly goal report,
 * the statistics, the enterprise and activity reads list them), the reason, and the day of the retraction (default
 * today). A correction is a retraction followed by a new recording; the reason may say where the new one is.
 */
public record RetractionRequest(@NotBlank @Size(max = 255) String eventId, @NotBlank @Size(max = 2000) String reason,
                                LocalDate occurredOn) {
}
