import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin';
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

type Grade = 'GENERAL' | 'MAJOR';

/** An item of a built-in checklist: what to check, how to check it, and the grade of a hazard it raises. */
type BuiltInItem = [text: string, guidance: string, grade: Grade];

/**
 * The built-in checklists, one per focus area of seed 001 (消防, 食品, 实验实训室危化品, 特种设备, 建筑与施工,
 * 交通, 治安) and general school safety practice. Frozen here as data: a later change is a new migration.
 */
const BUILT_IN_TEMPLATES: { category: string; name: string; items: BuiltInItem[] }[] = [
  {
    category: 'FIRE',
    name: '消防安全日常检查表',
    items: [
      ['灭火器配置数量符合要求，在有效期内且压力正常', '查看压力表指针在绿区、铭牌和检验日期，每具有月度检查记录', 'GENERAL'],
      ['疏散通道、楼梯间畅通，无杂物堆放', '重点查看宿舍、教学楼、实训楼、图书馆的走廊和楼梯间', 'GENERAL'],
      ['安全出口指示灯、应急照明灯完好有效', '按下测试按钮，确认切断主电源后能正常点亮', 'GENERAL'],
      ['安全出口、疏散门未上锁或被封堵，常闭式防火门保持关闭', '人员密集场所安全出口封闭、堵塞属重大火灾隐患', 'MAJOR'],
      ['室内消火栓箱内水枪、水带、阀门齐全，箱门无遮挡', '抽查出水压力，消火栓箱前不得堆放物品', 'GENERAL'],
      ['火灾自动报警、自动喷水灭火系统正常运行，消防控制室 24 小时双人值班', '查看控制器有无故障、屏蔽信号及值班记录', 'GENERAL'],
      ['电气线路无老化破损，无私拉乱接、违规使用大功率电器', '学生宿舍重点检查热得快、电热毯等违规电器', 'GENERAL'],
      ['电动自行车未在楼道、门厅停放或在室内充电', '电动车应在集中充电点充电', 'GENERAL'],
      ['无违规吸烟、使用明火，动火作业已审批并有人监护', '', 'GENERAL'],
    ],
  },
  {
    category: 'FOOD',
    name: '食堂食品安全日常检查表',
    items: [
      ['从业人员持有效健康证明上岗，晨检记录完整', '有发热、腹泻、手部伤口等情况的人员不得从事接触直接入口食品的工作', 'GENERAL'],
      ['食品原料进货查验、索证索票台账齐全，来源可追溯', '重点查看肉类检疫证明、农产品农药残留检测记录', 'GENERAL'],
      ['无过期、变质、无标签的食品和原料', '检查库房、冷库、操作间的原料及调味品', 'GENERAL'],
      ['生熟分开，刀具、砧板、容器分类标识使用', '', 'GENERAL'],
      ['餐用具清洗消毒到位，消毒设施正常使用并有记录', '', 'GENERAL'],
      ['每餐次食品按品种留样（不少于 125 克、冷藏 48 小时）并记录', '', 'GENERAL'],
      ['冷藏、冷冻设施温度正常，冷链食材有溯源记录', '冷藏 0–8℃，冷冻 -18℃ 以下', 'GENERAL'],
      ['防鼠、防蝇、防尘设施完好，垃圾及时清运', '', 'GENERAL'],
      ['后厨燃气管道、阀门无泄漏，燃气报警器和紧急切断装置有效', '用检漏液检查接口，测试报警器联动', 'MAJOR'],
      ['落实学校负责人陪餐制度并有陪餐记录', '', 'GENERAL'],
    ],
  },
  {
    category: 'LAB_CHEMICAL',
    name: '实验实训室及危化品安全检查表',
    items: [
      ['危险化学品存放于专用仓库或专柜，分类分区存放，禁忌物品不混存', '氧化剂与还原剂、酸与碱分开存放', 'GENERAL'],
      ['剧毒、易制毒、易制爆化学品落实“双人保管、双人领取、双把锁、双本账”', '', 'MAJOR'],
      ['危化品采购、领用、使用、归还台账完整，账物相符', '抽查库存数量与台账是否一致', 'GENERAL'],
      ['危险废弃物分类收集、专门存放，交有资质单位处置并有记录', '', 'GENERAL'],
      ['实验室水、电、气线路规范，无私拉乱接，用毕关闭', '', 'GENERAL'],
      ['通风橱、洗眼器、紧急喷淋装置完好可用', '试用洗眼器和喷淋装置', 'GENERAL'],
      ['实验人员按规定穿戴防护用品，安全操作规程和安全信息牌上墙', '', 'GENERAL'],
      ['配备相应灭火器材、防泄漏吸附材料等应急处置物资', '', 'GENERAL'],
    ],
  },
  {
    category: 'SPECIAL_EQUIPMENT',
    name: '特种设备安全检查表',
    items: [
      ['电梯、锅炉、压力容器、起重机械等已办理使用登记，登记标志置于显著位置', '', 'GENERAL'],
      ['设备经定期检验合格且在有效期内', '查看检验合格证或检验报告的下次检验日期', 'GENERAL'],
      ['电梯应急报警装置有效，维保单位每 15 日维保一次并有记录', '', 'GENERAL'],
      ['气瓶固定放置防倾倒，氧气与乙炔等分开存放，瓶阀、减压器完好', '实验实训、焊接用气瓶逐一检查', 'GENERAL'],
      ['压力表、安全阀等安全附件在校验有效期内', '', 'GENERAL'],
      ['作业人员持特种设备作业人员证上岗', '', 'GENERAL'],
      ['明确安全管理机构和安全管理人员，管理制度、操作规程齐全', '', 'GENERAL'],
      ['制定特种设备事故应急预案并开展演练', '', 'GENERAL'],
    ],
  },
  {
    category: 'BUILDING',
    name: '校舍安全检查表',
    items: [
      ['建筑主体结构无明显裂缝、沉降、倾斜，未违规改变主体结构或使用功能', '发现结构性损伤应立即停用并报告', 'MAJOR'],
      ['外墙饰面、门窗、玻璃、吊顶无松动、脱落风险', '', 'GENERAL'],
      ['楼梯、栏杆、扶手牢固，高度符合要求', '', 'GENERAL'],
      ['屋面、墙体无渗漏，排水设施畅通', '', 'GENERAL'],
      ['防雷设施完好并经定期检测', '', 'GENERAL'],
      ['低洼地带、边坡、挡土墙等区域有防护措施和警示标志', '雨季前后重点检查', 'GENERAL'],
      ['围墙、大门、旗杆、体育器材等附属设施牢固', '', 'GENERAL'],
      ['危房或停用建筑已封闭并设警示标志，无人员进入', '', 'MAJOR'],
    ],
  },
  {
    category: 'CONSTRUCTION',
    name: '施工现场安全检查表',
    items: [
      ['施工区域封闭隔离，与教学、生活区有效分隔', '', 'GENERAL'],
      ['施工现场设置安全警示标志和夜间警示灯', '', 'GENERAL'],
      ['脚手架、基坑、高处作业防护措施到位', '', 'GENERAL'],
      ['施工用电规范（一机一闸一漏保），无私拉乱接', '', 'GENERAL'],
      ['动火作业办理审批，现场有监护人和灭火器材', '', 'GENERAL'],
      ['施工人员实名登记、凭证进出校园，特种作业人员持证上岗', '', 'GENERAL'],
      ['施工材料、机械堆放整齐，不占用疏散通道和消防车道', '', 'GENERAL'],
      ['施工车辆按规定时段、路线进出校园并限速行驶', '避开上下学和课间高峰', 'GENERAL'],
    ],
  },
  {
    category: 'TRAFFIC',
    name: '交通及通勤车辆安全检查表',
    items: [
      ['通勤车、公务车辆证照齐全，年检、保险在有效期内', '', 'GENERAL'],
      ['驾驶人持有效驾驶证并定期接受安全教育，无超员、疲劳驾驶', '', 'GENERAL'],
      ['出车前安全例检记录完整（制动、灯光、轮胎、安全带）', '', 'GENERAL'],
      ['车内配备灭火器、安全锤，应急门能正常开启', '', 'GENERAL'],
      ['校园内限速标志、减速带、交通标线完好', '', 'GENERAL'],
      ['机动车、电动车按规定区域停放，无乱停乱放', '', 'GENERAL'],
      ['电动车集中充电设施规范，无违规充电', '', 'GENERAL'],
      ['校门口上下学时段交通秩序良好，护学岗人员到位', '', 'GENERAL'],
    ],
  },
  {
    category: 'SECURITY',
    name: '治安安全检查表',
    items: [
      ['门卫值守到位，外来人员、车辆进出核验登记', '', 'GENERAL'],
      ['专职保安配备到位、持证上岗，防暴钢叉、盾牌、头盔等器械配齐', '', 'GENERAL'],
      ['视频监控覆盖校门、宿舍、食堂等重点部位，运行正常，录像保存不少于 30 天', '', 'GENERAL'],
      ['一键报警装置与公安机关联网且测试有效', '', 'GENERAL'],
      ['校园周界围墙、护栏、防冲撞设施完好', '', 'GENERAL'],
      ['按规定开展内部巡查并有巡查记录', '夜间巡查重点为宿舍区和偏僻区域', 'GENERAL'],
      ['严防管制刀具、易燃易爆等危险物品进入校园', '', 'GENERAL'],
      ['学生宿舍查寝、访客登记制度落实', '', 'GENERAL'],
    ],
  },
];

/** Deterministic ids for built-in rows, the same in every deployment. */
const builtInTemplateId = (index: number) => `builtinchecklist${String(index + 1).padStart(16, '0')}`;
const builtInItemId = (index: number, seq: number) => `builtinitem${String(index + 1).padStart(3, '0')}${String(seq).padStart(18, '0')}`;

/**
 * Checklist templates (built-in or a unit's own) and their items; inspection tasks on a cadence for a
 * grid, a place or a unit; performed inspections (one per task and period) with item results, each failed
 * item linked to the hazard it raised.
 */
export class Inspections1764400000030 implements MigrationInterface {
  name = 'Inspections1764400000030';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE checklist_template (
        id ${ID} NOT NULL,
        org_unit_id ${ID} NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NULL,
        category VARCHAR(32) NOT NULL,
        name VARCHAR(100) NOT NULL,
        active TINYINT(1) NOT NULL DEFAULT 1,
        created_by_account_id ${ID} NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_checklist_template_category (category),
        KEY ix_checklist_template_path (org_path)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE checklist_item (
        id ${ID} NOT NULL,
        template_id ${ID} NOT NULL,
        seq INT NOT NULL,
        text VARCHAR(200) NOT NULL,
        guidance VARCHAR(1000) NULL,
        default_grade VARCHAR(16) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY ux_checklist_item_seq (template_id, seq),
        CONSTRAINT fk_checklist_item_template FOREIGN KEY (template_id) REFERENCES checklist_template (id)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE inspection_task (
        id ${ID} NOT NULL,
        org_unit_id ${ID} NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        name VARCHAR(100) NOT NULL,
        template_id ${ID} NOT NULL,
        target_kind VARCHAR(16) NOT NULL,
        grid_id ${ID} NULL,
        place_id ${ID} NULL,
        place_text VARCHAR(200) NOT NULL,
        assignee_person_id ${ID} NOT NULL,
        cadence VARCHAR(16) NOT NULL,
        starts_on DATE NOT NULL,
        ends_on DATE NULL,
        active TINYINT(1) NOT NULL DEFAULT 1,
        deactivated_on DATE NULL,
        created_by_account_id ${ID} NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_inspection_task_path (org_path, created_at, id),
        KEY ix_inspection_task_assignee (assignee_person_id),
        KEY ix_inspection_task_grid (grid_id),
        KEY ix_inspection_task_place (place_id),
        CONSTRAINT fk_inspection_task_template FOREIGN KEY (template_id) REFERENCES checklist_template (id)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE inspection (
        id ${ID} NOT NULL,
        task_id ${ID} NOT NULL,
        org_unit_id ${ID} NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        period_start DATE NOT NULL,
        period_end DATE NOT NULL,
        performed_at DATETIME(3) NOT NULL,
        performed_by_account_id ${ID} NOT NULL,
        performed_by_person_id ${ID} NULL,
        note TEXT NULL,
        passed_count INT NOT NULL,
        failed_count INT NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY ux_inspection_task_period (task_id, period_start),
        KEY ix_inspection_path_period (org_path, period_start),
        CONSTRAINT fk_inspection_task FOREIGN KEY (task_id) REFERENCES inspection_task (id)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE inspection_result (
        id ${ID} NOT NULL,
        inspection_id ${ID} NOT NULL,
        item_id ${ID} NOT NULL,
        seq INT NOT NULL,
        item_text VARCHAR(200) NOT NULL,
        passed TINYINT(1) NOT NULL,
        note VARCHAR(2000) NULL,
        grade VARCHAR(16) NULL,
        hazard_id ${ID} NULL,
        PRIMARY KEY (id),
        UNIQUE KEY ux_inspection_result_item (inspection_id, item_id),
        KEY ix_inspection_result_hazard (hazard_id),
        CONSTRAINT fk_inspection_result_inspection FOREIGN KEY (inspection_id) REFERENCES inspection (id),
        CONSTRAINT fk_inspection_result_item FOREIGN KEY (item_id) REFERENCES checklist_item (id)
      ) ${TABLE_OPTIONS}`);
    for (const [index, template] of BUILT_IN_TEMPLATES.entries()) {
      const templateId = builtInTemplateId(index);
      await queryRunner.query('INSERT INTO checklist_template (id, category, name, active, version) VALUES (?, ?, ?, 1, 1)', [
        templateId,
        template.category,
        template.name,
      ]);
      for (const [position, [text, guidance, grade]] of template.items.entries()) {
        await queryRunner.query('INSERT INTO checklist_item (id, template_id, seq, text, guidance, default_grade) VALUES (?, ?, ?, ?, ?, ?)', [
          builtInItemId(index, position + 1),
          templateId,
          position + 1,
          text,
          guidance || null,
          grade,
        ]);
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE inspection_result');
    await queryRunner.query('DROP TABLE inspection');
    await queryRunner.query('DROP TABLE inspection_task');
    await queryRunner.query('DROP TABLE checklist_item');
    await queryRunner.query('DROP TABLE checklist_template');
  }
}
