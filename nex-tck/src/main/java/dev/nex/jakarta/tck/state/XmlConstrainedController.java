package dev.nex.jakarta.tck.state;

import jakarta.enterprise.context.RequestScoped;
import jakarta.mvc.Controller;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * A controller without a Bean Validation annotation, whose parameter {@code validation.xml} constrains (SPEC
 * 11.1): where Nex cannot see the constraint it must not deploy rather than skip it.
 */
@Controller
@Path("xml")
@RequestScoped
public class XmlConstrainedController {

    /** The deployment {@code validation.xml} maps {@code @Size(max = 3)} onto {@code name}. */
    static final String MAPPING = """
            <constraint-mappings xmlns="https://jakarta.ee/xml/ns/validation/mapping"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="https://jakarta.ee/xml/ns/validation/mapping \
            https://jakarta.ee/xml/ns/validation/validation-mapping-3.0.xsd" version="3.0">
                <bean class="dev.nex.jakarta.tck.state.XmlConstrainedController">
                    <method name="echo">
                        <parameter type="java.lang.String">
                            <constraint annotation="jakarta.validation.constraints.Size">
                                <element name="max">3</element>
                            </constraint>
                        </parameter>
                    </method>
                </bean>
            </constraint-mappings>
            """;

    static final String CONFIGURATION = """
            <validation-config xmlns="https://jakarta.ee/xml/ns/validation/configuration"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="https://jakarta.ee/xml/ns/validation/configuration \
            https://jakarta.ee/xml/ns/validation/validation-configuration-3.0.xsd" version="3.0">
                <constraint-mapping>META-INF/xml-constrained.xml</constraint-mapping>
            </validation-config>
            """;

    @POST
    public String echo(@FormParam("name") String name) {
        return "state.jsp";
    }
}
