package ca.passerelle.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/** {@code passerelle.http.*}: defaults, per-route overrides, and a wrong value stopping the service at start. */
class HttpLimitsPropertiesTest {

    private static final long MIB = 1024 * 1024;

    private final WebApplicationContextRunner context = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebConfiguration.class));

    @Test
    void capsBodiesAtOneMebibyteAndPagesAtAHundredByDefault() {
        context.run(run -> {
            HttpLimitsProperties limits = run.getBean(HttpLimitsProperties.class);
            assertThat(limits.maxRequestBytes().toBytes()).isEqualTo(MIB);
            assertThat(limits.maxPageSize()).isEqualTo(100);
            assertThat(limits.requestSizeOverrides()).isEmpty();
            assertThat(filter(run).limitFor("POST", "/api/cases/c-1/documents")).isEqualTo(MIB);
            assertThat(run.getBean(PageRequests.class).maxPageSize()).isEqualTo(100);
        });
    }

    @Test
    void appliesTheFirstOverrideWhoseMethodAndPatternMatch() {
        context.withPropertyValues(
                "passerelle.http.max-request-bytes=65536",
                "passerelle.http.max-page-size=50",
                "passerelle.http.request-size-overrides[0].pattern=/api/cases/*/documents",
                "passerelle.http.request-size-overrides[0].method=POST",
                "passerelle.http.request-size-overrides[0].max-bytes=21MB",
                "passerelle.http.request-size-overrides[1].pattern=/api/imports/**",
                "passerelle.http.request-size-overrides[1].max-bytes=2MB").run(run -> {
                    RequestSizeLimitFilter filter = filter(run);
                    assertThat(filter.limitFor("POST", "/api/cases/c-1/documents")).isEqualTo(21 * MIB);
                    assertThat(filter.limitFor("PUT", "/api/cases/c-1/documents")).isEqualTo(65536);
                    assertThat(filter.limitFor("POST", "/api/cases/c-1/documents/d-1")).isEqualTo(65536);
                    assertThat(filter.limitFor("PATCH", "/api/imports/a/b")).isEqualTo(2 * MIB);
                    assertThat(filter.limitFor("POST", "/api/cases")).isEqualTo(65536);
                    assertThat(run.getBean(PageRequests.class).maxPageSize()).isEqualTo(50);
                });
    }

    @Test
    void refusesToStartWithAWrongLimit() {
        for (String wrong : new String[] {"passerelle.http.max-page-size=0", "passerelle.http.max-page-size=-5",
                "passerelle.http.max-request-bytes=0", "passerelle.http.request-size-overrides[0].pattern=/api/{unclosed",
                "passerelle.http.request-size-overrides[0].pattern=/api/x"}) {
            context.withPropertyValues(wrong).run(run -> {
                assertThat(run).as(wrong).hasFailed();
                assertThat(run).getFailure().as(wrong).hasStackTraceContaining("passerelle.http");
            });
        }
    }

    @Test
    void pageRequestsRefuseInsteadOfClamping() {
        PageRequests pages = new PageRequests(100);
        assertThat(pages.of(3, 100).getPageSize()).isEqualTo(100);
        assertThatThrownBy(() -> pages.of(0, 101)).isInstanceOf(InvalidPageRequestException.class).hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> pages.of(-1, 10)).isInstanceOf(InvalidPageRequestException.class);
        assertThatThrownBy(() -> pages.of(0, 0)).isInstanceOf(InvalidPageRequestException.class);
    }

    @SuppressWarnings("unchecked")
    private static RequestSizeLimitFilter filter(org.springframework.context.ApplicationContext run) {
        return ((FilterRegistrationBean<RequestSizeLimitFilter>) run.getBean("passerelleRequestSizeLimit")).getFilter();
    }
}
