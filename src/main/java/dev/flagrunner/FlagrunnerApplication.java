package dev.flagrunner;

import dev.flagrunner.cli.Cli;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Flagrunner",
                        version = "v1",
                        description = "Runs math-server protocol sessions and keeps the captured flags.\n\n"
                                + "Every operation needs a token. Press **Authorize** and paste one: with no token"
                                + " configured, the token the service generated is the contents of the file"
                                + " `flagrunner-token` in the service's working directory (`cat flagrunner-token`);"
                                + " else a token whose SHA-256 is in `flagrunner.security.tokens` (README, section"
                                + " Security). Then open `POST /sessions`, **Try it out** and **Execute**: the"
                                + " pre-filled body captures a flag from the embedded reference server."))
public class FlagrunnerApplication {

    public static void main(String[] args) {
        // The command line is parsed without Spring: the tools, help and usage errors start no context.
        Cli.Launch launch = Cli.launch(args);
        if (launch instanceof Cli.Launch.Serve serve) {
            SpringApplication.run(FlagrunnerApplication.class, serve.args());
        } else if (launch instanceof Cli.Launch.Exit exit) {
            System.exit(exit.code());
        }
    }
}
