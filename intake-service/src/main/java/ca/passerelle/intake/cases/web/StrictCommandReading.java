package ca.passerelle.intake.cases.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads intake's request bodies ({@link IntakeCommand}) with a stricter copy of the application's JSON mapper: unknown
 * properties fail, unknown enum codes fail instead of reading as {@code OTHER}, a null for a primitive fails, trailing
 * tokens fail. Only for those types: every other body (and every response) keeps the application's mapper.
 */
@Configuration(proxyBeanMethods = false)
class StrictCommandReading implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof JacksonJsonHttpMessageConverter json) {
                JsonMapper strict = strict(json.getMapper());
                json.registerMappersForType(IntakeCommand.class, mappers -> mappers.put(MediaType.APPLICATION_JSON, strict));
            }
        }
    }

    static JsonMapper strict(JsonMapper application) {
        return application.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .disable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .build();
    }
}
