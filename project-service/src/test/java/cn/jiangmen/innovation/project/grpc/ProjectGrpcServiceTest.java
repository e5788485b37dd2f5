package cn.jiangmen.innovation.project.grpc;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every RPC of {@code project.v1.ProjectService} is bound by exactly one {@link ProjectRpcGroup}, and
 * the composed definition is the descriptor's. The groups are found as Spring finds them (components
 * of this package implementing the interface), so a new group is counted without touching this test;
 * they are built with no collaborators, since binding only takes method references.
 */
class ProjectGrpcServiceTest {

	@Test
	void everyMethodOfTheDescriptorIsBoundExactlyOnce() throws Exception {
		Map<String, List<String>> bindings = new TreeMap<>();
		for (ProjectRpcGroup group : groups()) {
			// a builder by name alone does not check against the descriptor: it records what the group binds
			ServerServiceDefinition.Builder alone = ServerServiceDefinition.builder(ProjectServiceGrpc.SERVICE_NAME);
			group.bindTo(alone);
			for (ServerMethodDefinition<?, ?> method : alone.build().getMethods()) {
				bindings.computeIfAbsent(method.getMethodDescriptor().getFullMethodName(), name -> new ArrayList<>())
					.add(group.getClass().getSimpleName());
			}
		}
		List<String> declared = ProjectServiceGrpc.getServiceDescriptor()
			.getMethods()
			.stream()
			.map(MethodDescriptor::getFullMethodName)
			.sorted()
			.toList();
		assertThat(bindings.keySet()).as("RPCs bound by the groups").containsExactlyElementsOf(declared);
		bindings.forEach((method, groups) -> assertThat(groups).as("groups binding %s", method).hasSize(1));
	}

	@Test
	void theComposedServiceIsTheProtoServiceWithEveryMethodAnsweredAsUnary() throws Exception {
		ServerServiceDefinition definition = new ProjectGrpcService(groups()).bindService();
		assertThat(definition.getServiceDescriptor()).isSameAs(ProjectServiceGrpc.getServiceDescriptor());
		assertThat(definition.getMethods()).hasSize(ProjectServiceGrpc.getServiceDescriptor().getMethods().size())
			.allSatisfy(m -> assertThat(m.getMethodDescriptor().getType()).isEqualTo(MethodDescriptor.MethodType.UNARY));
	}

	@Test
	void aMissingGroupStopsTheServiceFromStarting() throws Exception {
		List<ProjectRpcGroup> withoutOne = groups().stream().filter(g -> !(g instanceof CallRpcs)).toList();
		assertThatThrownBy(() -> new ProjectGrpcService(withoutOne).bindService())
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("project.v1.ProjectService/CreateCall");
	}

	@Test
	void aMethodBoundTwiceStopsTheServiceFromStarting() throws Exception {
		List<ProjectRpcGroup> twice = new ArrayList<>(groups());
		twice.add(service -> ProjectRpcGroup.unary(service, ProjectServiceGrpc.getGetCallMethod(), request -> null));
		assertThatThrownBy(() -> new ProjectGrpcService(twice).bindService())
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("project.v1.ProjectService/GetCall");
	}

	private static List<ProjectRpcGroup> groups() throws Exception {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
		scanner.addIncludeFilter(new AssignableTypeFilter(ProjectRpcGroup.class));
		List<ProjectRpcGroup> groups = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents(ProjectRpcGroup.class.getPackageName())) {
			Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), ProjectRpcGroup.class.getClassLoader());
			if (!ProjectRpcGroup.class.isAssignableFrom(type)) {
				continue;
			}
			Constructor<?> constructor = type.getDeclaredConstructors()[0];
			constructor.setAccessible(true);
			groups.add((ProjectRpcGroup) constructor.newInstance(new Object[constructor.getParameterCount()]));
		}
		assertThat(groups).as("the groups found").hasSizeGreaterThan(10);
		return groups;
	}

}
