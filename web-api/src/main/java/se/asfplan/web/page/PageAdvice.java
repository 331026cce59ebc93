package se.asfplan.web.page;

import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import se.asfplan.web.api.problem.NotFoundException;

/**
 * For every page: the signed-in {@link Viewer} in the model, and a Swedish error page instead of the API's problem
 * details when a page fails (ordered before the API's advice, which still answers every API request).
 */
@ControllerAdvice(basePackages = "se.asfplan.web.page")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    @ModelAttribute("viewer")
    public Viewer viewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return null;
        }
        return new Viewer(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    public void accessDenied(AccessDeniedException e) {
        // Spring Security answers it (sign-in, or the 403 page)
        throw e;
    }

    @ExceptionHandler({PageNotFoundException.class, NotFoundException.class})
    public ModelAndView notFound(RuntimeException e, HttpServletResponse response) {
        return error(response, 404, "Sidan finns inte", e instanceof PageNotFoundException ? e.getMessage()
                : "Det du letar efter finns inte, eller har inte registrerats ännu.");
    }

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    public ModelAndView badRequest(Exception e, HttpServletResponse response) {
        return error(response, 400, "Felaktig adress",
                "Adressen innehåller ett värde som inte går att använda. Gå tillbaka och försök igen.");
    }

    @ExceptionHandler(Exception.class)
    public ModelAndView unexpected(Exception e, HttpServletResponse response) {
        log.error("A page failed", e);
        return error(response, 500, "Något gick fel",
                "Sidan kunde inte visas. Försök igen om en stund; om felet står kvar, kontakta förvaltningen.");
    }

    private ModelAndView error(HttpServletResponse response, int status, String title, String message) {
        response.setStatus(status);
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status);
        page.addObject("title", title);
        page.addObject("message", message);
        page.addObject("viewer", viewer());
        return page;
    }
}
