package se.asfplan.web.api.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says which kind of record a controller's commands are about, so that a refusal the framework reports (no record
 * under the id, begun at the same moment by another request) names that kind's rule on every endpoint. Every
 * controller that sends commands carries it ({@code RecordKindTest} fails for one that does not).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RecordsFactsOf {

    RecordKind value();
}
