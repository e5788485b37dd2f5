package cn.jiangmen.innovation.funding;

import cn.jiangmen.innovation.testsupport.architecture.ServiceArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

	@Test
	void keepsTheServiceArchitecture() {
		ServiceArchitectureRules.check("funding");
	}

}
