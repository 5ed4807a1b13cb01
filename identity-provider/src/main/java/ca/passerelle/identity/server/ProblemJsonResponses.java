package ca.passerelle.identity.server;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 answers for what the server itself refuses outside the OAuth2 endpoints (which answer with the OAuth2 error
 * format their specifications require). Fixed texts only: nothing from the request is echoed.
 */
final class ProblemJsonResponses {

  private ProblemJsonResponses() {
  }

  static AuthenticationEntryPoint unauthorized() {
    return (request, response, exception) -> write(response, HttpStatus.UNAUTHORIZED,
        "Authentication is required: sign in through /login or use a bearer token.");
  }

  static AccessDeniedHandler forbidden() {
    return (request, response, exception) -> write(response, HttpStatus.FORBIDDEN,
        "The request was refused (missing or invalid CSRF token, or not permitted).");
  }

  private static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    JsonMapper.shared().writeValue(response.getOutputStream(), problem);
  }
}
