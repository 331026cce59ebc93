package se.asfplan.domain.procurement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The legal grounds for reserved procurement of welfare services, loaded from cited data: which provision a
 * procurement falls under depends on the date it was begun (LOU 19 kap. 6 a § before 1 February 2022, 25 § since,
 * and 25 a § for idea-based organisations since 2023).
 */
public record ReservedWelfareGrounds(List<ReservedWelfareGround> grounds) {

    public ReservedWelfareGrounds {
        grounds = List.copyOf(grounds);
        long distinctIds = grounds.stream().map(g -> g.ground().id()).distinct().count();
        if (distinctIds != grounds.size()) {
            throw new IllegalArgumentException("reserved welfare grounds must have distinct ids");
        }
    }

    /** The ground for a procurement begun on the date, reserved for idea-based organisations or not. */
    public Optional<ReservedWelfareGround> groundFor(LocalDate begunOn, boolean ideaBased) {
        return grounds.stream()
                .filter(ground -> ground.ideaBasedOrganisationsOnly() == ideaBased && ground.appliesTo(begunOn))
                .findFirst();
    }

    /** The ground a recorded procurement was reserved under. */
    public Optional<ReservedWelfareGround> ground(String id) {
        return grounds.stream().filter(ground -> ground.ground().id().equals(id)).findFirst();
    }
}
