package ca.passerelle.intake.cases;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Case ids are random UUIDs unless a test brings its own generator. */
@Configuration(proxyBeanMethods = false)
class CasesConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CaseIdGenerator caseIdGenerator() {
        return CaseId::random;
    }
}
