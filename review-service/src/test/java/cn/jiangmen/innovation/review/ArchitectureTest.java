package cn.jiangmen.innovation.review;

import cn.jiangmen.innovation.testsupport.architecture.ServiceArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

	@Test
	void keepsTheServiceArchitecture() {
		ServiceArchitectureRules.check("review");
	}

}
