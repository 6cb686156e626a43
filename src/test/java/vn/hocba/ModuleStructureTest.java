package vn.hocba;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModuleStructureTest {

    @Test
    void modulesOnlyUseEachOthersApisAndHaveNoCycles() {
        ApplicationModules.of(HocBaApplication.class).verify();
    }
}
