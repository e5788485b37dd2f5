package cn.jiangmen.innovation.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.jiangmen.innovation.contracts.project.v1.FieldKind;
import cn.jiangmen.innovation.contracts.project.v1.ListPriorityFieldsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListPriorityFieldsResponse;
import cn.jiangmen.innovation.contracts.project.v1.PriorityField;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;

/**
 * project-service's ListPriorityFields in-process, for the pages that offer the priority fields as
 * boxes (the expert's profile, the talent call form): the nine fields of its V1 migration, in plan
 * order, which a test changes as an admin would (adds one, retires one). It answers pages of
 * {@link #PAGE} whatever size is asked (AIP-158 lets a service answer fewer), so the portal must read
 * every page to see a field added last.
 */
public class FakePriorityFields extends ProjectServiceGrpc.ProjectServiceImplBase {

	static final int PAGE = 4;

	public final List<PriorityField> fields = new CopyOnWriteArrayList<>();

	/** The page tokens asked, in order ("" for a first page). */
	public final List<String> tokens = new CopyOnWriteArrayList<>();

	public FakePriorityFields() {
		reset();
	}

	public final void reset() {
		this.fields.clear();
		this.tokens.clear();
		city("rail-transit-equipment", "轨道交通装备", "Rail transit equipment");
		city("motorcycle-power-systems", "摩托车尾气排放、动力装备、控制系统与储能材料",
				"Motorcycle emissions, power equipment, control systems and energy-storage materials");
		city("semiconductor-lighting", "半导体照明(LED背光源模块化技术)", "Semiconductor lighting (LED backlight modules)");
		city("marine-engineering-equipment", "海洋工程装备(近海打捞、深海勘探、远洋装备、港口设备)",
				"Marine engineering equipment (offshore salvage, deep-sea exploration, ocean-going and port equipment)");
		city("intelligent-manufacturing-equipment", "智能制造装备(机械手、智能机器人)",
				"Intelligent manufacturing equipment (manipulators, intelligent robots)");
		linked("visible-light-communication", "可见光通信技术及标准光组件",
				"Visible-light communication and standard optical components");
		linked("intelligent-industrial-robots", "智能(工业)机器人", "Intelligent (industrial) robots");
		linked("nev-batteries-power-systems", "新能源汽车电池及动力系统", "New-energy-vehicle batteries and power systems");
		linked("additive-manufacturing", "增材制造(3D打印)", "Additive manufacturing (3D printing)");
	}

	/** What an admin's AddPriorityField leaves: a field after the plan's, without a plan section. */
	public void add(String code, FieldKind kind, String nameZh, String nameEn) {
		this.fields.add(PriorityField.newBuilder()
			.setCode(code)
			.setKind(kind)
			.setNameZh(nameZh)
			.setNameEn(nameEn)
			.setVersion(0)
			.build());
	}

	/** What an admin's RetirePriorityField leaves: the field listed, flagged, with its date. */
	public void retire(String code) {
		this.fields.replaceAll(f -> f.getCode().equals(code) ? f.toBuilder()
			.setRetired(true)
			.setRetiredAt(Timestamp.newBuilder().setSeconds(1_780_000_000L))
			.setVersion(f.getVersion() + 1)
			.build() : f);
	}

	@Override
	public void listPriorityFields(ListPriorityFieldsRequest request, StreamObserver<ListPriorityFieldsResponse> observer) {
		this.tokens.add(request.getPageToken());
		int from = request.getPageToken().isEmpty() ? 0 : Integer.parseInt(request.getPageToken());
		List<PriorityField> all = new ArrayList<>(this.fields);
		int to = Math.min(all.size(), from + PAGE);
		observer.onNext(ListPriorityFieldsResponse.newBuilder()
			.addAllFields(all.subList(from, to))
			.setNextPageToken(to < all.size() ? String.valueOf(to) : "")
			.build());
		observer.onCompleted();
	}

	private void city(String code, String zh, String en) {
		add(code, FieldKind.FIELD_KIND_CITY, zh, en);
	}

	private void linked(String code, String zh, String en) {
		add(code, FieldKind.FIELD_KIND_PROVINCE_CITY_LINKED, zh, en);
	}

}
