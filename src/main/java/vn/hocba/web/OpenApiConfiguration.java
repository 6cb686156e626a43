package vn.hocba.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description at /v3/api-docs and /swagger-ui.html, with the bearer login. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI hocbaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("HocBa API").version("1")
                        .description("Sổ điểm điện tử và học bạ số. Đăng nhập: POST /api/auth/token với "
                                + "{\"username\",\"password\"}, rồi gửi Authorization: Bearer <token> trong mọi yêu cầu."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
