package cn.jiangmen.innovation.portal;

import cn.jiangmen.innovation.testsupport.architecture.ServiceArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

	@Test
	void keepsTheServiceArchitecture() {
		ServiceArchitectureRules.check("portal");
	}

}
