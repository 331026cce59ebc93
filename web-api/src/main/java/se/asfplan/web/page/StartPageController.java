package se.asfplan.web.page;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.asfplan.web.api.PlanReader;

/** The start page with the plans, the sign-in page and the accessibility statement. */
@Controller
public class StartPageController {

    private final PlanReader plans;

    public StartPageController(PlanReader plans) {
        this.plans = plans;
    }

    @GetMapping("/")
    public String start(Model model) {
        model.addAttribute("plans", plans.plans());
        return "start";
    }

    @GetMapping("/logga-in")
    public String signIn() {
        return "sign-in";
    }

    @GetMapping("/tillganglighet")
    public String accessibility() {
        return "accessibility";
    }
}
