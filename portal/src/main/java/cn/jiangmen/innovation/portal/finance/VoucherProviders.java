package cn.jiangmen.innovation.portal.finance;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;
import cn.jiangmen.innovation.platform.organisation.OrganisationKind;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Voucher providers as an enterprise picks one by name when it redeems a voucher: the directory's
 * universities, institutes and service agencies (funding's own rule of who may provide; whether the
 * one chosen is on funding's register is funding's to say). Names, never ids: an applicant does
 * not know a directory id, and the proposal's partners are picked the same way. Not a bean of its
 * own: the voucher controller makes it from the directory, so web slices need nothing more.
 */
class VoucherProviders {

	/** As many names as the proposal page offers in its list (ProposalPagesController.DIRECTORY_CHOICES). */
	static final int CHOICES = 2000;

	private static final Set<OrganisationKind> KINDS = Set.of(OrganisationKind.UNIVERSITY,
			OrganisationKind.INSTITUTE, OrganisationKind.SERVICE_AGENCY);

	private final ObjectProvider<OrganisationDirectory> directory;

	VoucherProviders(ObjectProvider<OrganisationDirectory> directory) {
		this.directory = directory;
	}

	/** The names the form's list offers; none when the directory is absent (the name is then typed). */
	List<String> names() {
		OrganisationDirectory organisations = this.directory.getIfAvailable();
		if (organisations == null) {
			return List.of();
		}
		return organisations.search("", CHOICES)
			.stream()
			.filter(o -> KINDS.contains(o.kind()))
			.map(Organisation::name)
			.toList();
	}

	/**
	 * The provider with exactly this name, or why not.
	 *
	 * @return the organisation, or a reason code: {@code required}, {@code unknown} (no entry of
	 * that name), {@code not-a-provider} (an enterprise, a public body)
	 */
	Choice named(String typed) {
		String name = typed == null ? "" : typed.strip();
		if (name.isEmpty()) {
			return new Choice(null, "required");
		}
		OrganisationDirectory organisations = this.directory.getIfAvailable();
		Optional<Organisation> found = organisations == null ? Optional.empty()
				: organisations.search(name, 20).stream().filter(o -> o.name().equals(name)).findFirst();
		if (found.isEmpty()) {
			return new Choice(null, "unknown");
		}
		return KINDS.contains(found.get().kind()) ? new Choice(found.get(), null) : new Choice(null, "not-a-provider");
	}

	/** An organisation of a provider kind, or the reason the name was not one. */
	record Choice(Organisation organisation, String problem) {

		boolean ok() {
			return this.problem == null;
		}

	}

}
