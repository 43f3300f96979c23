package dev.offlinedebug.log4j2;

import com.acme.web.OrderController;
import dev.offlinedebug.spi.WireRuntime;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.logging.log4j.LogManager;

/**
 * The child JVM of {@link TomcatRootCauseTest}: an embedded Tomcat on 127.0.0.1 with a servlet
 * named {@code dispatcherServlet} that, like Spring's, wraps what the controller throws in a
 * {@link ServletException}. Tomcat then logs only the root cause, on its
 * {@code ...[dispatcherServlet]} logger (JUL, routed to Log4j2 by {@code log4j-jul}). Sends one
 * request that fails, prints the status, stops.
 */
public final class TomcatMain {
  private TomcatMain() {}

  /** Spring's {@code DispatcherServlet} in miniature: one controller, failures wrapped. */
  static final class DispatcherServlet extends HttpServlet {
    private final transient OrderController controller = new OrderController();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
        throws ServletException, IOException {
      String body;
      try {
        body = controller.order(request.getParameter("customer"), request.getParameter("quantity"));
      } catch (RuntimeException e) {
        throw new ServletException("Request processing failed: " + e, e);
      }
      response.getWriter().write(body);
    }
  }

  public static void main(String[] args) throws Exception {
    WireRuntime.awaitReady(Duration.ofMinutes(2));
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
    Connector connector = new Connector();
    connector.setProperty("address", "127.0.0.1");
    connector.setPort(0);
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", null);
    Tomcat.addServlet(context, "dispatcherServlet", new DispatcherServlet());
    context.addServletMappingDecoded("/orders", "dispatcherServlet");
    tomcat.start();
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
              + connector.getLocalPort() + "/orders?customer=ada&quantity=9"))
          .POST(HttpRequest.BodyPublishers.noBody()).build();
      HttpResponse<String> response = HttpClient.newHttpClient()
          .send(request, HttpResponse.BodyHandlers.ofString());
      System.out.println("status " + response.statusCode());
    } finally {
      stop(tomcat);
      LogManager.shutdown();
    }
  }

  private static void stop(Tomcat tomcat) throws LifecycleException {
    tomcat.stop();
    tomcat.destroy();
  }
}
