package se.asfplan.domain.procurement;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One legal ground for reserving a procurement of welfare services, as cited data: the provision, the procurements
 * it applies to by the date they were begun ({@code appliesFrom} inclusive, {@code appliesBefore} exclusive, either
 * open), whether it is for idea-based organisations only, the CPV codes and ranges it lists, the longest contract
 * it allows and how many years must pass before the same authority may award the same supplier a contract that way
 * again ({@code null} where the provision sets no such limit), and the source the data was taken from.
 */
public record ReservedWelfareGround(LegalGround ground, LocalDate appliesFrom, LocalDate appliesBefore,
                                    boolean ideaBasedOrganisationsOnly, List<CpvCode> codes, List<CpvRange> ranges,
                                    Integer maxContractYears, Integer repeatAwardBarYears, String source) {

    public ReservedWelfareGround {
        Objects.requireNonNull(ground, "ground");
        codes = codes == null ? List.of() : List.copyOf(codes);
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
        if (codes.isEmpty() && ranges.isEmpty()) {
            throw new IllegalArgumentException("legal ground " + ground.id() + " must list CPV codes or ranges");
        }
        if (appliesFrom != null && appliesBefore != null && !appliesBefore.isAfter(appliesFrom)) {
            throw new IllegalArgumentException("legal ground " + ground.id() + " must apply before a later date");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("legal ground " + ground.id() + " must cite its source");
        }
    }

    /** Whether a procurement begun on the given date falls under this ground's period. */
    public boolean appliesTo(LocalDate begunOn) {
        return (appliesFrom == null || !begunOn.isBefore(appliesFrom))
                && (appliesBefore == null || begunOn.isBefore(appliesBefore));
    }

    /** Whether the ground lists the code, itself or within one of its ranges. */
    public boolean covers(CpvCode code) {
        return codes.contains(code) || ranges.stream().anyMatch(range -> range.contains(code));
    }

    /** A span of CPV codes listed as "from ... to ...", both ends included. */
    public record CpvRange(CpvCode first, CpvCode last) {

        public CpvRange {
            if (first == null || last == null || first.compareTo(last) > 0) {
                throw new IllegalArgumentException("a CPV range needs a first code not after its last");
            }
        }

        public boolean contains(CpvCode code) {
            return code.compareTo(first) >= 0 && code.compareTo(last) <= 0;
        }
    }
}
