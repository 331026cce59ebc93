package se.asfplan.infra.procurement;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import se.asfplan.domain.procurement.CpvCode;
import se.asfplan.domain.procurement.DirectAwardLimits;
import se.asfplan.domain.procurement.LegalGround;
import se.asfplan.domain.procurement.ReservedWelfareGround;
import se.asfplan.domain.procurement.ReservedWelfareGround.CpvRange;
import se.asfplan.domain.procurement.ReservedWelfareGrounds;

/**
 * Reads procurement's cited data files (YAML). A file that cannot be read or breaks the domain's checks stops the
 * application at start: recording reservations against wrong legal data would be worse than not starting.
 */
final class ProcurementDataFiles {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ProcurementDataFiles() {
    }

    static ReservedWelfareGrounds reservedWelfareGrounds(InputStream file) throws IOException {
        GroundsFile parsed = YAML.readValue(file, GroundsFile.class);
        return new ReservedWelfareGrounds(parsed.grounds().stream().map(ground -> {
            Period period = ground.appliesToProcurementsBegun() == null ? new Period(null, null)
                    : ground.appliesToProcurementsBegun();
            return new ReservedWelfareGround(new LegalGround(ground.id(), ground.citation()), period.from(),
                    period.before(), ground.ideaBasedOrganisationsOnly(),
                    ground.cpvCodes() == null ? List.of() : ground.cpvCodes().stream().map(CpvCode::new).toList(),
                    ground.cpvRanges() == null ? List.of() : ground.cpvRanges().stream()
                            .map(range -> new CpvRange(new CpvCode(range.from()), new CpvCode(range.to()))).toList(),
                    ground.maxContractYears(), ground.repeatAwardBarYears(), ground.source());
        }).toList());
    }

    static DirectAwardLimits directAwardLimits(InputStream file) throws IOException {
        LimitsFile parsed = YAML.readValue(file, LimitsFile.class);
        Map<Integer, BigDecimal> limits = new LinkedHashMap<>();
        for (Limit limit : parsed.limits()) {
            if (limit.source() == null || limit.source().isBlank()) {
                throw new IllegalArgumentException("direct-award limit for " + limit.year() + " must cite its source");
            }
            if (limits.put(limit.year(), limit.limitSek()) != null) {
                throw new IllegalArgumentException("direct-award limit for " + limit.year() + " is given twice");
            }
        }
        return new DirectAwardLimits(limits);
    }

    record GroundsFile(List<Ground> grounds) {
    }

    record Ground(String id, String citation, Period appliesToProcurementsBegun, boolean ideaBasedOrganisationsOnly,
                  List<String> cpvCodes, List<Range> cpvRanges, Integer maxContractYears,
                  Integer repeatAwardBarYears, String source) {
    }

    record Period(LocalDate from, LocalDate before) {
    }

    record Range(String from, String to) {
    }

    record LimitsFile(List<Limit> limits) {
    }

    record Limit(int year, BigDecimal limitSek, String source) {
    }
}
