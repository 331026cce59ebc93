package se.asfplan.infra.procurement;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where procurement's cited data lives: the legal grounds for reserved welfare services and the direct-award limit
 * per year. Both default to the files shipped in {@code infra}; an administrator may point to reviewed copies.
 */
@ConfigurationProperties("tracker.procurement")
public record ProcurementProperties(
        @DefaultValue("classpath:procurement/reserved-welfare-grounds.yaml") Resource reservedWelfareGrounds,
        @DefaultValue("classpath:procurement/direct-award-limits.yaml") Resource directAwardLimits) {
}
