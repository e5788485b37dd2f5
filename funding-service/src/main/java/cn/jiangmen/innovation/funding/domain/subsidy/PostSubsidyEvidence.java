package cn.jiangmen.innovation.funding.domain.subsidy;

import java.time.LocalDate;

/**
 * What a post-subsidy claim (后补助) rests on: the recognition document (认定文件) of a newly
 * recognised R&D institution or incubator, its date and level.
 */
public record PostSubsidyEvidence(InstitutionKind kind, RecognitionLevel level, String recognitionDocument,
		LocalDate recognisedOn) {
}
