package ca.passerelle.identity.server;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The login form of the authorization server, French first: {@code templates/login.html} with the texts of
 * {@code messages.properties} (French) and {@code messages_en.properties}. English is chosen with {@code ?lang=en}
 * (kept in the session, so the error page after a wrong password stays in English) or {@code Accept-Language: en}.
 * The form posts {@code username}, {@code password} and the CSRF token to {@code /login}; no external resource.
 */
@Controller
class LoginPage {

  static final String PATH = "/login";

  @GetMapping(PATH)
  String login() {
    return "login";
  }

  @Configuration(proxyBeanMethods = false)
  static class Languages {

    /** Named {@code localeResolver} so that Spring MVC takes it instead of its Accept-Language-only default. */
    @Bean
    LocaleResolver localeResolver() {
      return new ChosenOrAcceptedLocale();
    }
  }

  /** {@code ?lang=fr|en} (remembered in the session when one exists), else Accept-Language among fr and en, else French. */
  static final class ChosenOrAcceptedLocale extends AcceptHeaderLocaleResolver {

    static final Locale FRENCH = Locale.FRENCH;
    static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);
    private static final String PARAMETER = "lang";
    private static final String SESSION_ATTRIBUTE = LoginPage.class.getName() + ".locale";

    ChosenOrAcceptedLocale() {
      setSupportedLocales(SUPPORTED);
      setDefaultLocale(FRENCH);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
      Locale chosen = supported(request.getParameter(PARAMETER));
      HttpSession session = request.getSession(false);
      if (chosen != null) {
        if (session != null) {
          session.setAttribute(SESSION_ATTRIBUTE, chosen);
        }
        return chosen;
      }
      if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Locale remembered) {
        return remembered;
      }
      return super.resolveLocale(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
      // The language is chosen with ?lang=, not through this method.
    }

    private static Locale supported(String language) {
      if (language == null) {
        return null;
      }
      return SUPPORTED.stream().filter(locale -> locale.getLanguage().equalsIgnoreCase(language.trim())).findFirst()
          .orElse(null);
    }
  }
}
