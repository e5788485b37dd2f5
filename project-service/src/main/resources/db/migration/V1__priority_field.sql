-- Priority fields for major S&T special projects: reference data, not code (a manager can add one).
-- Seeded from the Key Work Plan 2015-2017: five city-level fields (五(二)) and four
-- province-city linked fields (五(一), 四(二)).
create table priority_field (
    code        varchar(64) primary key,
    kind        varchar(30) not null,
    name_zh     varchar(200) not null,
    name_en     varchar(200) not null,
    plan_section varchar(20) not null,
    sort_order  int not null,
    created_at  timestamptz not null default now(),
    constraint priority_field_kind check (kind in ('CITY','PROVINCE_CITY_LINKED')),
    constraint priority_field_code_format check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);

insert into priority_field (code, kind, name_zh, name_en, plan_section, sort_order) values
    ('rail-transit-equipment', 'CITY', '轨道交通装备',
     'Rail transit equipment', '五(二)', 10),
    ('motorcycle-power-systems', 'CITY', '摩托车尾气排放、动力装备、控制系统与储能材料',
     'Motorcycle emissions, power equipment, control systems and energy-storage materials', '五(二)', 20),
    ('semiconductor-lighting', 'CITY', '半导体照明(LED背光源模块化技术)',
     'Semiconductor lighting (LED backlight modules)', '五(二)', 30),
    ('marine-engineering-equipment', 'CITY', '海洋工程装备(近海打捞、深海勘探、远洋装备、港口设备)',
     'Marine engineering equipment (offshore salvage, deep-sea exploration, ocean-going and port equipment)', '五(二)', 40),
    ('intelligent-manufacturing-equipment', 'CITY', '智能制造装备(机械手、智能机器人)',
     'Intelligent manufacturing equipment (manipulators, intelligent robots)', '五(二)', 50),
    ('visible-light-communication', 'PROVINCE_CITY_LINKED', '可见光通信技术及标准光组件',
     'Visible-light communication and standard optical components', '五(一)', 60),
    ('intelligent-industrial-robots', 'PROVINCE_CITY_LINKED', '智能(工业)机器人',
     'Intelligent (industrial) robots', '五(一)', 70),
    ('nev-batteries-power-systems', 'PROVINCE_CITY_LINKED', '新能源汽车电池及动力系统',
     'New-energy-vehicle batteries and power systems', '五(一)', 80),
    ('additive-manufacturing', 'PROVINCE_CITY_LINKED', '增材制造(3D打印)',
     'Additive manufacturing (3D printing)', '五(一)', 90);
