package se.asfplan.web.page.ops;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.asfplan.infra.axon.ProjectionMonitor;
import se.asfplan.infra.storedevents.StoredEventProblems;
import se.asfplan.projections.rebuild.ProjectionRebuilds;

/**
 * {@code /drift}: how the read models stand (position, lag, parked events, generations and rebuilds in progress), for
 * the coordinator and the auditor, and the stored events that cannot be read or have a type this release does not
 * know; the coordinator starts a rebuild, switches generations, retries parked events and evicts one with a reason
 * through the forms ({@link OperationsForms}).
 */
@Controller
public class OperationsPageController {

    private final ProjectionMonitor monitor;
    private final ProjectionRebuilds rebuilds;
    private final StoredEventProblems storedEventProblems;

    public OperationsPageController(ProjectionMonitor monitor, ProjectionRebuilds rebuilds,
                                    StoredEventProblems storedEventProblems) {
        this.monitor = monitor;
        this.rebuilds = rebuilds;
        this.storedEventProblems = storedEventProblems;
    }

    @GetMapping("/drift")
    public String operations(Model model) {
        long head = monitor.head();
        model.addAttribute("head", head);
        model.addAttribute("processors", monitor.processors().stream().map(name -> monitor.state(name, head))
                .toList());
        model.addAttribute("generations", rebuilds.groups().stream().map(rebuilds::status).toList());
        List<GroupParked> parked = monitor.parkedCounts().entrySet().stream().filter(entry -> entry.getValue() > 0)
                .map(entry -> new GroupParked(entry.getKey(), entry.getValue(), monitor.parked(entry.getKey())))
                .toList();
        model.addAttribute("parked", parked);
        model.addAttribute("unreadable", storedEventProblems.unreadable());
        model.addAttribute("unknownTypes", storedEventProblems.summary().unknownTypes());
        return "ops/operations";
    }

    /** A group's parked events. */
    public record GroupParked(String group, long count, List<ProjectionMonitor.ParkedEvent> events) {
    }
}
